import type { SQSEvent } from 'aws-lambda';

/** The event Lambda's SQS event source delivers: one record per message body. */
export const sqsEvent = (bodies: string[]): SQSEvent => ({
  Records: bodies.map((body, i) => ({
    messageId: `m${i + 1}`,
    receiptHandle: 'h',
    body,
    attributes: {} as never,
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-2:111111111111:router-timers',
    awsRegion: 'eu-west-2',
  })),
});
