import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { FailedInvocations, failedInvocationOf } from '../../../lambdas/adapters/lambda/failed-invocations';
import onFailure from '../../fixtures/failed-invocations/lambda-on-failure-record.json';

const sqs = mockClient(SQSClient);
const lambda = mockClient(LambdaClient);
const QUEUE = 'https://sqs.eu-west-2.amazonaws.com/111111111111/failed-invocations';
const TARGET = 'arn:aws:lambda:eu-west-2:111111111111:function:ContactEvents';
/** An EventBridge dead letter: AWS documents its attributes, not a sample message (fixtures README). */
const deadLetter = {
  MessageId: 'm-2',
  ReceiptHandle: 'r-2',
  Body: JSON.stringify({ 'detail-type': 'Amazon Connect Contact Event', source: 'aws.connect', detail: {} }),
  MessageAttributes: {
    RULE_ARN: { DataType: 'String', StringValue: 'arn:aws:events:eu-west-2:111111111111:rule/ContactEvents' },
    TARGET_ARN: { DataType: 'String', StringValue: TARGET },
    ERROR_CODE: { DataType: 'String', StringValue: 'Throttling' },
  },
};
const record = { MessageId: 'm-1', ReceiptHandle: 'r-1', Body: JSON.stringify(onFailure.record) };

beforeEach(() => {
  sqs.reset();
  lambda.reset();
});

describe('failed asynchronous events, redriven to the function they were for', () => {
  it('reads both shapes: a Lambda on-failure record and an EventBridge dead letter', () => {
    expect(failedInvocationOf(record)).toEqual({
      functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:my-function',
      payload: JSON.stringify(onFailure.record.requestPayload),
    });
    expect(failedInvocationOf(deadLetter)).toEqual({ functionArn: TARGET, payload: deadLetter.Body });
    expect(failedInvocationOf({ MessageId: 'x', Body: 'not json' })).toBeUndefined();
  });

  it('invokes each and waits for the answer; deletes what was handled, leaves what failed again', async () => {
    sqs
      .on(ReceiveMessageCommand)
      .resolvesOnce({ Messages: [record, deadLetter] })
      .resolves({ Messages: [] });
    lambda
      .on(InvokeCommand, { FunctionName: TARGET })
      .resolves({ StatusCode: 200, FunctionError: 'Unhandled' })
      .on(InvokeCommand, { FunctionName: 'arn:aws:lambda:us-east-2:123456789012:function:my-function' })
      .resolves({ StatusCode: 200 });
    const report = await new FailedInvocations(new SQSClient({}), new LambdaClient({}), QUEUE).redrive();
    expect(report).toEqual({ redriven: 1, stillFailing: 1, unreadable: 0 });
    expect(lambda).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: 'arn:aws:lambda:us-east-2:123456789012:function:my-function',
      InvocationType: 'RequestResponse',
    });
    expect(sqs).toHaveReceivedCommandTimes(DeleteMessageCommand, 1);
    expect(sqs).toHaveReceivedCommandWith(DeleteMessageCommand, { QueueUrl: QUEUE, ReceiptHandle: 'r-1' });
    expect(sqs).toHaveReceivedCommandWith(ReceiveMessageCommand, { QueueUrl: QUEUE, MessageAttributeNames: ['All'] });
  });
});
