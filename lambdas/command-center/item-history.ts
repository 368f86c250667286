/** One item's history in the Command Center model: its events, replayed in commit order (unordered delivery). */
import type { RoutingEvent } from '../domain/routing/events';
import type { CapacityPool } from '../domain/routing/work-item';
import type { MinuteCounts } from './windows';

export type ItemEvent = Exclude<RoutingEvent, { type: 'rep.presenceChanged' }> & {
  itemVersion?: number;
  eventId?: string;
};

/** What the model keeps of one event of an item: enough to replay the item's state in commit order. */
export interface ItemStep {
  /** Its place in the item's history: version, then position in its commit (a commit's events share a version). */
  order: number;
  type: RoutingEvent['type'];
  at: number;
  queueId?: string;
  held?: { repId: string; pool: CapacityPool; units: number };
}

export interface ItemLive {
  /** The item's events so far, in order: deliveries are unordered, so the state is replayed from them. */
  steps: ItemStep[];
  queueId?: string;
  waitingSince?: number;
  held?: { repId: string; pool: CapacityPool; units: number };
  /** Counts seen before the item's queue was known, added once it is. */
  pending: { key: keyof MinuteCounts; n: number; at: number }[];
  /** Ended (completed, canceled): kept an hour as a tombstone, so a late event cannot bring it back. */
  endedAt?: number;
}

export function step(e: ItemEvent, order: number): ItemStep {
  const queueId =
    'queueId' in e
      ? e.queueId
      : e.type === 'work.overflowed'
        ? e.toQueue
        : e.type === 'supervisor.acted'
          ? e.toQueue
          : undefined;
  const held = e.type === 'offer.created' ? { repId: e.repId, pool: e.pool, units: e.units } : undefined;
  return { order, type: e.type, at: e.at, ...(queueId ? { queueId } : {}), ...(held ? { held } : {}) };
}

/** An item's queue, wait and holder after its events so far, applied in order. */
export function replay(steps: readonly ItemStep[]): Pick<ItemLive, 'queueId' | 'waitingSince' | 'held' | 'endedAt'> {
  const s: Pick<ItemLive, 'queueId' | 'waitingSince' | 'held' | 'endedAt'> = {};
  for (const x of steps) {
    if (x.queueId) s.queueId = x.queueId;
    if (x.type === 'work.queued') {
      s.waitingSince ??= x.at;
      s.held = undefined;
    } else if (x.type === 'offer.created') {
      s.waitingSince = undefined;
      s.held = x.held;
    } else if (['offer.declined', 'offer.timedOut', 'offer.rescinded'].includes(x.type)) s.held = undefined;
    else if (x.type === 'work.completed' || x.type === 'work.canceled') {
      s.held = undefined;
      s.waitingSince = undefined;
      s.endedAt = x.at;
    }
  }
  return s;
}
