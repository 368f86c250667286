import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  type DlqDestinationConfig,
  FilterCriteria,
  FilterRule,
  type IEventSourceDlq,
  type IFunction,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { routingTableDefinition as def } from '../../lambdas/adapters/dynamodb/table-definition';
import { DEPLOYED_MAPPING } from './outbox-mapping-settings';

/**
 * An S3 on-failure destination with the grants the Lambda guide names for one ("s3:PutObject and s3:ListBucket"),
 * where CDK's S3OnFailureDestination grants read and write with wildcard actions.
 */
class S3RecordDestination implements IEventSourceDlq {
  constructor(private readonly bucket: IBucket) {}
  bind(_target: unknown, handler: IFunction): DlqDestinationConfig {
    handler.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects('*')] }),
    );
    handler.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    return { destination: this.bucket.bucketArn };
  }
}

/** Props of OutboxDispatch. */
export interface OutboxDispatchProps {
  /** The routing table, with its stream (RoutingTable enables it). */
  readonly table: ITable;
  /** The dispatcher Lambda (lambdas/handlers/outbox-dispatch.ts). */
  readonly dispatcher: IFunction;
  /** Concurrent batches per shard; records of one item stay in order whatever it is. @default 4 */
  readonly parallelizationFactor?: number;
  /** Who is paged when a record lands in the on-failure bucket. */
  readonly alarmTopic: ITopic;
}

/**
 * Delivery of what commits cause (ARCHITECTURE.md, "Delivery"): the table's stream, filtered to rows that carry
 * an outbox entry, invokes the dispatcher with partial batch failures. The dispatcher sets aside in the table what
 * it cannot deliver, so a record is retried only when DynamoDB itself failed: retried with no count cap until it
 * is 20 hours old (the stream keeps 24), then written whole to the on-failure bucket (an S3 destination receives
 * the entire invocation record; SQS and SNS only its shard and sequence numbers), which pages.
 */
export class OutboxDispatch extends Construct {
  /** Where records the mapping gave up on are kept whole, for `npm run redrive`. */
  readonly undelivered: Bucket;

  constructor(scope: Construct, id: string, props: OutboxDispatchProps) {
    super(scope, id);
    this.undelivered = new Bucket(this, 'Undelivered', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Object Created events to EventBridge, set on the bucket itself (CDK's eventBridgeEnabled adds a custom resource).
    (this.undelivered.node.defaultChild as CfnBucket).addPropertyOverride(
      'NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled',
      true,
    );
    new Rule(this, 'UndeliveredRecord', {
      description: 'an outbox record could not be delivered for 20 hours: it is in the bucket, whole',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [this.undelivered.bucketName] } },
      },
      targets: [new SnsTopic(props.alarmTopic)],
    });
    props.dispatcher.addEventSource(
      new DynamoEventSource(props.table, {
        // Never LATEST: a mapping created again replays what the stream holds, which every part tolerates (event
        // ids, guarded timers, follow-ups that check the item first), rather than lose what it did not see.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: DEPLOYED_MAPPING.batchSize,
        maxBatchingWindow: Duration.millis(0),
        parallelizationFactor: props.parallelizationFactor ?? 4,
        retryAttempts: DEPLOYED_MAPPING.retryAttempts,
        maxRecordAge: Duration.seconds(DEPLOYED_MAPPING.maximumRecordAgeSeconds),
        bisectBatchOnError: DEPLOYED_MAPPING.bisectBatchOnError,
        reportBatchItemFailures: true,
        onFailure: new S3RecordDestination(this.undelivered),
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
