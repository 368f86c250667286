import type { Context } from 'aws-lambda';

/** The Lambda context a handler test passes in: what Powertools reads (name, request id, ARN, time left). */
export function lambdaContext(functionName = 'f', remainingMs = 8000): Context {
  return {
    functionName,
    awsRequestId: 'r',
    invokedFunctionArn: `arn:aws:lambda:eu-west-2:111111111111:function:${functionName}`,
    getRemainingTimeInMillis: () => remainingMs,
  } as unknown as Context;
}
