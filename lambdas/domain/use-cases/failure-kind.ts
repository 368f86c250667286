import { InvalidInputError } from '../errors';

/** Names under which AWS SDK clients (and schema checks) throw a request that will never succeed as it is. */
const REJECTED_NAMES = new Set([
  'ZodError',
  'ValidationException',
  'PayloadTooLargeException',
  'InvalidParameterException',
  'InvalidRequestException',
  'SerializationException',
]);

/**
 * Whether a failed delivery may succeed if tried again (`transient`: throttling, 5xx, timeouts, a dependency
 * down) or never will as it is (`rejected`: a schema, a payload too large, a request the service calls invalid).
 * Unknown failures count as transient: retrying one costs a little, dropping one loses work.
 */
export function failureKind(error: unknown): 'transient' | 'rejected' {
  if (error instanceof InvalidInputError) return 'rejected';
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (e?.name && REJECTED_NAMES.has(e.name)) return 'rejected';
  // Not 400 as such: throttles come as 400 from several services (DynamoDB, EventBridge).
  return e?.$metadata?.httpStatusCode === 413 ? 'rejected' : 'transient';
}
