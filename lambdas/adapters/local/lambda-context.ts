import type { Context } from 'aws-lambda';

/** The Lambda context a handler run in-process gets: what Powertools reads (name, request id, ARN, time left). */
export const localLambdaContext = (functionName: string) =>
  ({
    functionName,
    awsRequestId: 'local',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    getRemainingTimeInMillis: () => 30_000,
  }) as unknown as Context;
