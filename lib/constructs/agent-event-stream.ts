import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnInstanceStorageConfig } from 'aws-cdk-lib/aws-connect';
import { Stream, StreamEncryption, StreamMode } from 'aws-cdk-lib/aws-kinesis';
import { type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { KinesisEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letters';

/** Props of AgentEventStream. */
export interface AgentEventStreamProps {
  /** The existing Amazon Connect instance whose agent events the router follows. */
  readonly instanceArn: string;
  /** The function that applies them (lambdas/handlers/connect-agent-events.ts). */
  readonly consumer: IFunction;
}

/**
 * Connect's agent state into the router (semantics §8): the instance's agent event stream (agent-event-streams:
 * enabled per instance, on a Kinesis data stream) invokes the consumer, in order per agent (the partition key is
 * the agent's ARN), with partial batch failures. Records older than an hour are not worth applying: a newer
 * heart beat (every 120 s) or state change has superseded them.
 */
export class AgentEventStream extends Construct {
  readonly stream: Stream;
  /** Where records that could not be applied are described, kept 14 days. */
  readonly deadLetters: IQueue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: AgentEventStreamProps) {
    super(scope, id);
    this.stream = new Stream(this, 'Stream', {
      streamMode: StreamMode.ON_DEMAND,
      encryption: StreamEncryption.MANAGED,
      retentionPeriod: Duration.hours(24),
    });
    new CfnInstanceStorageConfig(this, 'StorageConfig', {
      instanceArn: props.instanceArn,
      resourceType: 'AGENT_EVENTS',
      storageType: 'KINESIS_STREAM',
      kinesisStreamConfig: { streamArn: this.stream.streamArn },
    });
    const failures = deadLetterQueue(
      this,
      'Connect agent events could not be applied: the router may offer calls Connect cannot deliver',
    );
    this.deadLetters = failures.queue;
    this.deadLetterAlarm = failures.alarm;
    props.consumer.addEventSource(
      new KinesisEventSource(this.stream, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(1),
        onFailure: new SqsDlq(this.deadLetters),
      }),
    );
  }
}
