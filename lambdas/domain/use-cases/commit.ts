import type { CompiledConfig } from '../config/compiled-config';
import { ConflictError, ContentionError, RouterError } from '../errors';
import type { StateWrite } from '../ports';
import { limitsOf } from '../routing/eligibility';
import { rankKey, scheduledRank } from '../routing/ordering';
import type { OutboxEntry } from '../routing/outbox';
import { type RepState, repChange } from '../routing/rep';
import { liveCallOf, type WorkItem } from '../routing/work-item';
import type { RouterDeps } from './deps';

/** Bounded optimistic retries: a conflict means another writer made progress, so retry on fresh state. */
export const MAX_ATTEMPTS = 12;

/** An attempt's answer when what it read has moved on: `retrying` runs it again on fresh state. */
export const RETRY = Symbol('retry');
export type Attempt<T> = T | typeof RETRY;

/**
 * A write a use case plans, and what this router learns from it. `repAfter` is the rep's state once the change
 * is committed: it is never stored (the store applies the change atomically), it only refreshes the router's
 * candidate cache at once.
 */
export interface PlannedWrite {
  readonly write: StateWrite;
  readonly repAfter?: RepState;
}

/** A new item, which also claims its channel + source id. */
export const newItem = (item: WorkItem, now: number): PlannedWrite => ({
  write: { kind: 'createItem', item, claimedAt: now },
});

/** The item's next state, guarded by the version that was read (`before`). */
export const itemWrite = (item: WorkItem, before: WorkItem): PlannedWrite => ({
  write: { kind: 'updateItem', item, expectedVersion: before.version },
});

/** One more source id for an item: a transferred call's new contact, a callback's dial. */
export const sourceClaim = (channel: string, source: string, itemId: string, now: number): PlannedWrite => ({
  write: { kind: 'claimSource', channel, source, itemId, claimedAt: now },
});

/** The atomic change from `before` to `after`, bounded by the rep's configured capacity. */
export function repWrite(config: CompiledConfig, after: RepState, before: RepState): PlannedWrite {
  return {
    write: {
      kind: 'rep',
      change: repChange(before, after, limitsOf(config.rep(before.repId)), config.availabilityOrders),
    },
    repAfter: after,
  };
}

export type CommitResult =
  | { readonly committed: true }
  | { readonly committed: false; readonly itemConflict: boolean; readonly repConflict: boolean };

/** Waiting items are indexed by their routing order (semantics §13): the rank is derived here, once. */
function ranked(config: CompiledConfig, w: StateWrite): StateWrite {
  if (w.kind !== 'createItem' && w.kind !== 'updateItem') return w;
  if (w.item.state === 'Queued') return { ...w, rank: rankKey(w.item, config.queue(w.item.queueId)) };
  if (w.item.state === 'Scheduled') return { ...w, rank: scheduledRank(w.item) };
  return w;
}

/**
 * A call offered reserves its rep only while Connect can deliver it to them: a decision made on a stale read (the
 * candidate cache, an index) must not book a rep whose agent state just blocked calls (semantics §8).
 */
function withCallGuards(planned: readonly PlannedWrite[]): StateWrite[] {
  const offeredCalls = new Set(
    planned.flatMap(({ write: w }) =>
      (w.kind === 'createItem' || w.kind === 'updateItem') &&
      w.item.state === 'Offered' &&
      w.item.reservation &&
      liveCallOf(w.item) !== undefined
        ? [w.item.reservation.repId]
        : [],
    ),
  );
  return planned.map(({ write: w }) =>
    w.kind === 'rep' && offeredCalls.has(w.change.repId) && Object.values(w.change.pools).some((p) => p.delta > 0)
      ? { ...w, change: { ...w.change, requireVoiceReachable: true } }
      : w,
  );
}

/** Commits; on a conflict says whether the item, the rep, or both had moved on (unknown = both). */
export async function commitOrConflict(
  deps: RouterDeps,
  planned: readonly PlannedWrite[],
  outbox?: OutboxEntry,
): Promise<CommitResult> {
  const config = await deps.config.get();
  try {
    await deps.store.commit(
      withCallGuards(planned).map((w) => ranked(config, w)),
      outbox,
    );
    for (const p of planned) if (p.repAfter) deps.candidates?.update(p.repAfter);
    return { committed: true };
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    const failed = err.failedWrites.length ? err.failedWrites.map((i) => planned[i]?.write.kind) : ['rep', 'item'];
    // A source claim that lost means another writer already moved the item on (e.g. a duplicate event).
    return {
      committed: false,
      itemConflict: failed.some((kind) => kind !== 'rep'),
      repConflict: failed.includes('rep'),
    };
  }
}

/**
 * The outbox entry's id for a commit of `planned`: the first item written at its new version, or the first rep
 * whose presence changes at its new presence version (OutboxEntry.id).
 */
export function commitId(planned: readonly PlannedWrite[]): string {
  for (const { write: w } of planned)
    if (w.kind === 'createItem' || w.kind === 'updateItem') return `item#${w.item.id}@${w.item.version}`;
  for (const { write: w } of planned)
    if (w.kind === 'rep' && w.change.presence)
      return `rep#${w.change.repId}@${(w.change.expectedPresenceVersion ?? 0) + 1}`;
  throw new RouterError('a commit that causes something must write an item or a presence');
}

/** The new version of every item `planned` writes: events about them are stamped with it. */
export function writtenVersions(planned: readonly PlannedWrite[]): Map<string, number> {
  const versions = new Map<string, number>();
  for (const { write: w } of planned)
    if (w.kind === 'createItem' || w.kind === 'updateItem') versions.set(w.item.id, w.item.version);
  return versions;
}

/** Runs `attempt` until it answers with something other than RETRY, at most MAX_ATTEMPTS times. */
export async function retrying<T>(what: string, attempt: () => Promise<Attempt<T>>): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const result = await attempt();
    if (result !== RETRY) return result as T;
  }
  throw new ContentionError(`${what}: gave up after ${MAX_ATTEMPTS} conflicting attempts`);
}
