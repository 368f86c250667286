import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator } from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Where every asynchronous entry point sends, whole, what it could not handle (issue #33): EventBridge targets'
 * dead letters (an event EventBridge could not deliver, with its target in TARGET_ARN, eb-rule-dlq) and the
 * functions' on-failure destination (an event that failed Lambda's two retries, with the function and the request
 * payload, invocation-async-retain-records). One queue, alarmed, and redriven by the Redrive function.
 */
export class FailedInvocations extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;
  /** The functions whose failures it keeps (and the redrive may invoke). */
  readonly functions: IFunction[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      retentionPeriod: Duration.days(14),
      // Six times the redrive's timeout (it invokes each failed event's function and waits for the answer).
      visibilityTimeout: Duration.minutes(6),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    this.alarm = new Alarm(this, 'Depth', {
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription:
        'events a router function could not handle (a submission, a contact event, a recording) wait for redrive',
    });
  }

  /**
   * A rule target for `fn`, its dead letters to the queue, and `fn`'s own asynchronous failures too. Each function
   * is given its on-failure destination once, whatever number of rules target it.
   */
  target(fn: IFunction & { configureAsyncInvoke(options: object): void }): LambdaFunction {
    if (!this.functions.includes(fn)) {
      this.functions.push(fn);
      fn.configureAsyncInvoke({ onFailure: new SqsDestination(this.queue), retryAttempts: 2 });
    }
    return new LambdaFunction(fn, { retryAttempts: 8, maxEventAge: Duration.hours(24), deadLetterQueue: this.queue });
  }

  /** The redrive reads and deletes the queue's messages and invokes the functions they name, no others. */
  grantRedrive(redrive: IFunction & { addEnvironment(key: string, value: string): unknown }): void {
    this.queue.grantConsumeMessages(redrive);
    for (const fn of this.functions) fn.grantInvoke(redrive);
    redrive.addEnvironment('FAILED_INVOCATIONS_QUEUE_URL', this.queue.queueUrl);
  }
}
