import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keys } from '../../lambdas/adapters/dynamodb/keys';
import { EVENT_SOURCE } from '../../lambdas/adapters/eventbridge/event-source';
import { RouterFunction } from './router-function';

/** Props of CommandCenterModel. */
export interface CommandCenterModelProps {
  /** The router's bus: every routing event feeds the model. */
  readonly bus: IEventBus;
  /** The routing table: the feed reads the configuration from it, nothing else. */
  readonly table: ITable;
  /** The functions that read the snapshot for supervisors' pages (the HTTP API's). */
  readonly readers: readonly LambdaFunction[];
  /** Seconds within which an accepted item counts toward the service level. @default 20 */
  readonly serviceLevelSeconds?: number;
}

const PREFIX = 'command-center';

/**
 * The deployed Command Center's read model (semantics §11): routing events from the bus into a queue, applied in
 * batches by one feed function to a model kept in S3 (conditional writes: concurrent batches never lose each
 * other's work) that publishes the snapshot pages read. A page view reads one object, whatever the traffic;
 * nothing here reads the routing table's indexes.
 */
export class CommandCenterModel extends Construct {
  readonly bucket: Bucket;
  readonly feed: RouterFunction;
  /** The functions granted the snapshot. */
  readonly readers: readonly LambdaFunction[];
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: CommandCenterModelProps) {
    super(scope, id);
    this.readers = props.readers;
    this.bucket = new Bucket(this, 'Model', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deadLetters = new Queue(this, 'Dlq', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    const events = new Queue(this, 'Events', {
      // Six times the feed's one-minute timeout, as Lambda's SQS guide advises.
      visibilityTimeout: Duration.minutes(6),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 10 },
    });
    new Rule(this, 'RoutingEvents', {
      description: 'every routing event feeds the Command Center read model',
      eventBus: props.bus,
      eventPattern: { source: [EVENT_SOURCE] },
      targets: [new SqsQueue(events)],
    });
    this.feed = new RouterFunction(this, 'Feed', {
      handlerFile: 'command-center-feed',
      timeout: Duration.minutes(1),
      environment: {
        TABLE_NAME: props.table.tableName,
        MODEL_BUCKET: this.bucket.bucketName,
        SERVICE_LEVEL_SECONDS: String(props.serviceLevelSeconds ?? 20),
      },
    });
    // Batches a second or two wide; two at a time at most (the SQS minimum), and the model's guard settles races.
    this.feed.addEventSource(
      new SqsEventSource(events, { batchSize: 100, maxBatchingWindow: Duration.seconds(2), maxConcurrency: 2 }),
    );
    this.grantModel(this.feed, ['s3:GetObject', 's3:PutObject']);
    for (const reader of props.readers) {
      this.grantModel(reader, ['s3:GetObject']);
      reader.addEnvironment('MODEL_BUCKET', this.bucket.bucketName);
    }
    this.feed.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [props.table.tableArn],
        // The configuration's rows only.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${keys.configHead().pk}*`] } },
      }),
    );
    this.deadLetterAlarm = new Alarm(this, 'DlqDepth', {
      metric: deadLetters.metricApproximateNumberOfMessagesVisible(),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: 'routing events could not be applied to the Command Center model',
    });
  }

  /** The model's objects, and listing its prefix (without it S3 answers a missing object with 403, not 404). */
  private grantModel(f: LambdaFunction, actions: string[]): void {
    f.addToRolePolicy(new PolicyStatement({ actions, resources: [this.bucket.arnForObjects(`${PREFIX}/*`)] }));
    f.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${PREFIX}/*`] } },
      }),
    );
  }
}
