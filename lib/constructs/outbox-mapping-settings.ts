/**
 * The outbox stream mapping's settings (OutboxDispatch), also given to the local mapping the drills run. Retries
 * have no count cap: a record is retried until it is 20 hours old, short of the stream's 24 hours
 * (services-ddb-params), and the dispatcher sets aside what fails, so a retry means DynamoDB itself failed.
 * Batches of 10 (not 100): each record may wait on Connect's pacing, and a batch must end well inside the function's
 * timeout.
 */
export const DEPLOYED_MAPPING = {
  batchSize: 10,
  retryAttempts: -1,
  maximumRecordAgeSeconds: 20 * 3600,
  bisectBatchOnError: true,
} as const;

/** The stream keeps records this long; the mapping's maximum age stays under it. */
export const STREAM_RETENTION_SECONDS = 24 * 3600;
