import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface FailedInvocationsReport {
  /** Events delivered again to their function, which handled them, and removed from the queue. */
  readonly redriven: number;
  /** Events their function failed again: left on the queue (they come back after its visibility timeout). */
  readonly stillFailing: number;
  /** Messages that name no function to deliver to: left for an operator to read. */
  readonly unreadable: number;
}

/** Where a failed event is delivered again, and with what payload. */
interface Failed {
  readonly functionArn: string;
  readonly payload: string;
}

/**
 * The one queue every asynchronous entry point sends what it could not handle to, whole (lib/constructs/
 * failed-invocations.ts), two shapes: a Lambda on-failure destination's record (`requestContext.functionArn` and
 * `requestPayload`, invocation-async-retain-records) and an EventBridge target's dead letter (the event itself as
 * the body, the target in the `TARGET_ARN` message attribute, eb-rule-dlq).
 */
export function failedInvocationOf(message: Message): Failed | undefined {
  const target = message.MessageAttributes?.TARGET_ARN?.StringValue;
  if (target && message.Body) return { functionArn: target, payload: message.Body };
  try {
    const record = JSON.parse(message.Body ?? '') as {
      requestContext?: { functionArn?: string };
      requestPayload?: unknown;
    };
    const arn = record.requestContext?.functionArn?.replace(/:\$LATEST$/, '');
    if (arn && record.requestPayload !== undefined)
      return { functionArn: arn, payload: JSON.stringify(record.requestPayload) };
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Delivers each failed event to its function again, synchronously, so the answer says whether it was handled: the
 * functions are idempotent (a repeated submission, contact event or recording changes nothing twice).
 */
export class FailedInvocations {
  constructor(
    private readonly sqs: SQSClient,
    private readonly lambda: LambdaClient,
    private readonly queueUrl: string,
  ) {}

  async redrive(maxMessages = 100): Promise<FailedInvocationsReport> {
    let redriven = 0;
    let stillFailing = 0;
    let unreadable = 0;
    while (redriven + stillFailing + unreadable < maxMessages) {
      const page = await this.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: this.queueUrl,
          MaxNumberOfMessages: 10,
          MessageAttributeNames: ['All'],
          WaitTimeSeconds: 0,
        }),
      );
      const messages = page.Messages ?? [];
      if (messages.length === 0) break;
      for (const m of messages) {
        const failed = failedInvocationOf(m);
        if (!failed) {
          unreadable++;
          continue;
        }
        const out = await this.lambda.send(
          new InvokeCommand({
            FunctionName: failed.functionArn,
            InvocationType: 'RequestResponse',
            Payload: new TextEncoder().encode(failed.payload),
          }),
        );
        if (out.FunctionError) {
          stillFailing++;
          continue;
        }
        await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: m.ReceiptHandle }));
        redriven++;
      }
    }
    return { redriven, stillFailing, unreadable };
  }
}
