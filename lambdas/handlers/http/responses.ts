import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  ContentionError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from '../../domain/errors';

export const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * One mapping from errors to HTTP: no token 401, a forbidden call 403 naming why, bad input 400 naming the fields,
 * unknown ids 404, contention 503 (retry), anything else an opaque 500 (details stay in the logs).
 */
export function errorResponse(err: unknown): APIGatewayProxyResultV2 | undefined {
  if (err instanceof UnauthenticatedError) return json(401, { error: err.message, field: 'authorization' });
  if (err instanceof ForbiddenError) return json(403, { error: 'forbidden', reason: err.reason });
  if (err instanceof NotFoundError) return json(404, { error: err.message, field: err.field });
  if (err instanceof InvalidInputError)
    return json(400, { error: 'invalid input', field: err.field, problems: err.problems });
  if (err instanceof ContentionError || isThrottling(err)) return json(503, { error: 'busy, retry' });
  return undefined;
}

/** DynamoDB (or another AWS service) still throttling after the SDK's own retries: the caller may retry later. */
function isThrottling(err: unknown): boolean {
  const e = err as { name?: string; $retryable?: { throttling?: boolean } } | undefined;
  return (
    e?.$retryable?.throttling === true ||
    e?.name === 'ThrottlingException' ||
    e?.name === 'ProvisionedThroughputExceededException' ||
    e?.name === 'RequestLimitExceeded'
  );
}

/** Decisions that mean "this no longer applies" are conflicts for a caller who asked for a change. */
export function decisionResponse(decision: { kind: string }, okStatus = 200): APIGatewayProxyResultV2 {
  return json(['stale', 'busy', 'repUnavailable'].includes(decision.kind) ? 409 : okStatus, decision);
}
