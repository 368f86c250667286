import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ConflictError } from '../../domain/errors';

/** A condition expression with its own names and values, so parts combine without clashes. */
export interface Condition {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values?: Record<string, unknown>;
}

/** Creating: no row with this key may exist (a second create for the same id or source must lose). */
export const mustNotExist: Condition = { expression: 'attribute_not_exists(#pk)', names: { '#pk': 'pk' } };

/**
 * Optimistic concurrency: the row is still at the version we read. DynamoDB conditions cannot do arithmetic,
 * so capacity is computed from that read and guarded by its version (semantics §13).
 */
export const atVersion = (version: number): Condition => ({
  expression: '#version = :expectedVersion',
  names: { '#version': 'version' },
  values: { ':expectedVersion': version },
});

/** The configuration head still points at the revision we read: two loads at once cannot both switch it. */
export const atRevision = (revision: number): Condition => ({
  expression: '#revision = :previous',
  names: { '#revision': 'revision' },
  values: { ':previous': revision },
});

/**
 * A rep's Connect agent state is written only over one no newer: agent events arrive repeated and, across retries,
 * out of order (one instant's apply in the stream's order), and the row must exist (a rep never logged in has no
 * row to block).
 */
export const newerVoiceState = (at: number): Condition => ({
  expression: 'attribute_exists(#pk) AND (attribute_not_exists(#voiceBlockAt) OR #voiceBlockAt <= :voiceBlockAt)',
  names: { '#pk': 'pk', '#voiceBlockAt': 'voiceBlockAt' },
  values: { ':voiceBlockAt': at },
});

export function conditionParams(c: Condition) {
  return {
    ConditionExpression: c.expression,
    ExpressionAttributeNames: c.names,
    ...(c.values ? { ExpressionAttributeValues: c.values } : {}),
  };
}

/** A transaction canceled only because another transaction touched the same rows at the same time. */
export function isOnlyTransactionConflict(err: unknown): boolean {
  if (!(err instanceof TransactionCanceledException))
    return err instanceof Error && err.name === 'TransactionConflictException';
  const codes = (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return codes.includes('TransactionConflict') && codes.every((c) => c === 'None' || c === 'TransactionConflict');
}

/**
 * Maps a lost race to the domain's ConflictError. Transaction conflicts (another transaction on the same
 * row in flight) are conflicts too: the caller retries on fresh state. Anything else is rethrown.
 */
export function asConflict(err: unknown, writeOfPut: readonly number[] = [0]): never {
  if (err instanceof ConditionalCheckFailedException)
    throw new ConflictError('condition failed', { cause: err, failedWrites: [0] });
  if (err instanceof TransactionCanceledException) {
    const codes = (err.CancellationReasons ?? []).map((r) => r.Code);
    if (codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) {
      // Cancellation reasons are positional: they tell which guarded write lost, so callers retry only that part.
      const failedWrites = [...new Set(codes.flatMap((c, i) => (c === 'None' ? [] : [writeOfPut[i] ?? i])))];
      throw new ConflictError(`transaction canceled: ${codes.join(',')}`, { cause: err, failedWrites });
    }
  }
  if (err instanceof Error && err.name === 'TransactionConflictException')
    throw new ConflictError('transaction conflict', { cause: err });
  throw err;
}
