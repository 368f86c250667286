import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * An event source's on-failure destination (a stream's records it could not deliver, described by shard and
 * sequence range), kept 14 days, whose first message raises an alarm saying what was lost.
 */
export function deadLetterQueue(scope: Construct, alarmDescription: string): { queue: Queue; alarm: Alarm } {
  const queue = new Queue(scope, 'Dlq', {
    retentionPeriod: Duration.days(14),
    enforceSSL: true,
    encryption: QueueEncryption.SQS_MANAGED,
  });
  const alarm = new Alarm(scope, 'DlqDepth', {
    metric: queue.metricApproximateNumberOfMessagesVisible(),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    alarmDescription,
  });
  return { queue, alarm };
}
