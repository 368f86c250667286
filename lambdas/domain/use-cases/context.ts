import { CompiledConfig } from '../config/compiled-config';
import { ConflictError, ContentionError, NotFoundError, RouterError } from '../errors';
import type { Clock, EventSink, IdGenerator, RoutingStore, StateWrite, TelephonyPort, TimerPort } from '../ports';
import type { RoutingEvent, Timer } from '../routing/events';
import { rankKey, scheduledRank } from '../routing/ordering';
import { holds, type RepState, repChange } from '../routing/rep';
import type { WorkItem } from '../routing/work-item';
import type { CandidateCache } from './candidate-cache';

/** Supplies the current configuration; cached so a routing call does not reload it. */
export interface ConfigProvider {
  get(): Promise<CompiledConfig>;
}

export interface RouterDeps {
  readonly store: RoutingStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventSink;
  readonly timers: TimerPort;
  readonly config: ConfigProvider;
  /** Amazon Connect, for voice; absent where the router runs without telephony (simulations, digital only). */
  readonly telephony?: TelephonyPort;
  /** Cached candidates for pushes; absent means every push queries the availability index. */
  readonly candidates?: CandidateCache;
}

/** What a use case decided, and the domain events it caused (already published through the event port). */
export interface Outcome<D> {
  readonly decision: D;
  readonly events: RoutingEvent[];
}

/** Bounded optimistic retries: a conflict means another writer made progress, so retry on fresh state. */
export const MAX_ATTEMPTS = 12;

/** Loads the configuration from the store, caching it for `ttlMs` of the injected clock. */
export class StoreConfigProvider implements ConfigProvider {
  private cached?: { at: number; config: CompiledConfig };
  constructor(
    private readonly store: RoutingStore,
    private readonly clock: Clock,
    private readonly ttlMs = 30_000,
  ) {}

  async get(): Promise<CompiledConfig> {
    const now = this.clock.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.config;
    const raw = await this.store.loadConfig();
    if (!raw) throw new RouterError('no contact-center configuration is stored; load one first');
    this.cached = { at: now, config: new CompiledConfig(raw) };
    return this.cached.config;
  }
}

/** Collects the effects of one use-case call; publishes events and schedules timers only after a commit. */
export class Effects {
  readonly events: RoutingEvent[] = [];
  constructor(private readonly deps: RouterDeps) {}

  /** `items` are the committed states; their versions are stamped on the events about them. */
  async emit(
    effects: { events: readonly RoutingEvent[]; timers: readonly Timer[]; item?: WorkItem },
    items: readonly WorkItem[] = [],
  ): Promise<void> {
    const versions = new Map([...(effects.item ? [effects.item] : []), ...items].map((i) => [i.id, i.version]));
    const events = effects.events.map((e) =>
      'itemId' in e && versions.has(e.itemId) ? { ...e, itemVersion: versions.get(e.itemId) } : e,
    );
    if (events.length) await this.deps.events.publish(events);
    if (effects.timers.length) await this.deps.timers.schedule(effects.timers);
    this.events.push(...events);
  }

  outcome<D>(decision: D): Outcome<D> {
    return { decision, events: this.events };
  }
}

export async function requireItem(deps: RouterDeps, itemId: string, field = 'itemId'): Promise<WorkItem> {
  const item = await deps.store.getItem(itemId);
  if (!item) throw new NotFoundError(field, `unknown work item '${itemId}'`);
  return item;
}

/** A rep named by a caller must be configured (semantics §12): an unknown id is an error, not a stale no-op. */
export async function assertKnownRep(deps: RouterDeps, repId: string | undefined): Promise<void> {
  if (repId !== undefined) (await deps.config.get()).rep(repId, 'repId');
}

/** The rep's live state; a configured rep who never logged in has a fresh logged-out state. */
export async function repState(
  deps: RouterDeps,
  config: CompiledConfig,
  repId: string,
  field = 'repId',
): Promise<RepState> {
  const profile = config.rep(repId, field);
  const state = await deps.store.getRep(repId);
  return (
    state ?? {
      repId,
      groupId: profile.group,
      statusChannels: [],
      used: { primary: 0, interruptible: 0 },
      activeItems: 0,
      lastOfferAt: 0,
      presenceVersion: 0,
    }
  );
}

/**
 * The rep holding the item's reservation, read after the item. When the rep's accounts no longer cover it,
 * another writer released it after our item read (a transfer, decline or completion that won): undefined, so
 * the caller retries on fresh state. Only an item still unchanged makes it a broken invariant.
 */
export async function holderOf(
  deps: RouterDeps,
  config: CompiledConfig,
  item: WorkItem,
): Promise<RepState | undefined> {
  const r = item.reservation;
  if (!r) throw new RouterError(`item ${item.id} in state ${item.state} has no reservation`);
  const rep = await repState(deps, config, r.repId);
  if (holds(rep, r)) return rep;
  if ((await deps.store.getItem(item.id))?.version === item.version) {
    throw new RouterError(
      `rep ${r.repId} does not hold item ${item.id}'s reservation (${r.pool} ${rep.used[r.pool]} < ${r.units})`,
    );
  }
  return undefined;
}

export function itemWrite(item: WorkItem, before: WorkItem | undefined): StateWrite {
  return { kind: 'item', item, expectedVersion: before ? before.version : 0 };
}

/** The atomic change from `before` to `after`, bounded by the rep's configured capacity. */
export function repWrite(config: CompiledConfig, after: RepState, before: RepState): StateWrite {
  const presence = config.rep(before.repId).presence;
  return {
    kind: 'rep',
    change: repChange(before, after, { primary: presence.capacity, interruptible: presence.interruptibleCapacity }),
    after,
  };
}

/** Commits, turning a version conflict into `false` so the caller retries on fresh state. */
export async function tryCommit(deps: RouterDeps, writes: readonly StateWrite[]): Promise<boolean> {
  return (await commitOrConflict(deps, writes)).committed;
}

export type CommitResult =
  | { readonly committed: true }
  | { readonly committed: false; readonly itemConflict: boolean; readonly repConflict: boolean };

/** Commits; on a conflict says whether the item, the rep, or both had moved on (unknown = both). */
export async function commitOrConflict(deps: RouterDeps, writes: readonly StateWrite[]): Promise<CommitResult> {
  const config = await deps.config.get();
  const ranked = writes.map((w) =>
    w.kind !== 'item'
      ? w
      : w.item.state === 'Queued'
        ? { ...w, rank: rankKey(w.item, config.queue(w.item.queueId)) }
        : w.item.state === 'Scheduled'
          ? { ...w, rank: scheduledRank(w.item) }
          : w,
  );
  try {
    await deps.store.commit(ranked);
    for (const w of writes) if (w.kind === 'rep' && w.after) deps.candidates?.update(w.after);
    return { committed: true };
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    const failed = err.failedWrites.length ? err.failedWrites.map((i) => writes[i]?.kind) : ['item', 'rep'];
    // A source claim that lost means another writer already moved the item on (e.g. a duplicate event).
    return {
      committed: false,
      itemConflict: failed.includes('item') || failed.includes('source'),
      repConflict: failed.includes('rep'),
    };
  }
}

/** Runs `attempt` until it returns a value (not undefined), at most MAX_ATTEMPTS times. */
export async function retrying<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const result = await attempt();
    if (result !== undefined) return result;
  }
  throw new ContentionError(`${what}: gave up after ${MAX_ATTEMPTS} conflicting attempts`);
}
