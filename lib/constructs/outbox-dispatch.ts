import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { routingTableDefinition as def } from '../../lambdas/adapters/dynamodb/table-definition';
import { deadLetterQueue } from './dead-letters';

/** Props of OutboxDispatch. */
export interface OutboxDispatchProps {
  /** The routing table, with its stream (RoutingTable enables it). */
  readonly table: ITable;
  /** The dispatcher Lambda (lambdas/handlers/outbox-dispatch.ts). */
  readonly dispatcher: IFunction;
  /** Attempts per batch before its records go to the dead-letter queue. @default 10 */
  readonly retryAttempts?: number;
  /** Concurrent batches per shard; records of one item stay in order whatever it is. @default 4 */
  readonly parallelizationFactor?: number;
}

/**
 * Delivery of what commits cause (ARCHITECTURE.md, "Delivery"): the table's stream, filtered to rows that carry
 * an outbox entry, invokes the dispatcher with partial batch failures; a batch that keeps failing is bisected to
 * the poison record, which goes to a dead-letter queue whose first message raises an alarm.
 */
export class OutboxDispatch extends Construct {
  /** Where the stream's undeliverable records are described (shard and sequence range), kept 14 days. */
  readonly deadLetters: IQueue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: OutboxDispatchProps) {
    super(scope, id);
    const failures = deadLetterQueue(
      this,
      'routing events, timers or Connect calls could not be delivered from the outbox',
    );
    this.deadLetters = failures.queue;
    this.deadLetterAlarm = failures.alarm;
    props.dispatcher.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.millis(0),
        parallelizationFactor: props.parallelizationFactor ?? 4,
        retryAttempts: props.retryAttempts ?? 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        // Only rows whose write carried an outbox entry: capacity-only rep writes and source claims never reach it.
        // The entry is one string attribute (a JSON document), which `exists` can match.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { [def.outboxAttribute]: { S: FilterRule.exists() } } },
          }),
        ],
      }),
    );
  }
}
