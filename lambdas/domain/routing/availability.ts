import type { CompiledConfig } from '../config/compiled-config';
import type { RepState } from './rep';
import type { CapacityPool, WorkItem } from './work-item';

/**
 * The orders a group's available reps are kept in (semantics §6, §13), best first: most free capacity in the
 * primary or the interruptible pool (MostAvailable), or fewest active items (LeastActive). Each order ends on the
 * same tie-breaks: longest idle in whole seconds, then a ring position derived from the rep id, which an item
 * enters at its own hash: of the RING_WINDOW tied reps nearest its entry, a hash of item and rep picks one.
 */
export type AvailabilityOrder = 'free' | 'interruptibleFree' | 'active';
export const AVAILABILITY_ORDERS: readonly AvailabilityOrder[] = ['free', 'interruptibleFree', 'active'];

/**
 * Positions on the tie-break ring: racing routers enter it at different items' hashes, so they spread out. Enough
 * that a 10,000-rep group tied at the head has about ten reps per position.
 */
export const RING = 1024;
/** Tied reps nearest round the ring from an item, among which a hash of item and rep decides (selection.ts). */
export const RING_WINDOW = 4;
/** Idle seconds count from 2020 and have room until 2054 (2^30 seconds). */
const IDLE_EPOCH_SECONDS = Date.UTC(2020, 0, 1) / 1000;
const IDLE_SECONDS = 2 ** 30;
/** One unit of capacity or one active item in a key: the idle second and the ring position fit below it. */
export const UNIT = IDLE_SECONDS * RING;
/**
 * Capacity is bounded so that every key is an exact integer in a JavaScript number (below 2^53) and in DynamoDB's
 * arithmetic: 8,000 units x UNIT + the idle and ring parts < 2^53.
 */
export const MAX_CAPACITY = 8_000;

/** FNV-1a (32 bits): cheap, stable across runtimes, and spread well enough for tie-breaking. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const ringPosition = (id: string) => hash32(id) % RING;
/** The second of the last offer, from 2020 (never offered, or before: 0). */
export const idleSecond = (lastOfferAt: number) =>
  Math.min(IDLE_SECONDS - 1, Math.max(0, Math.floor(lastOfferAt / 1000) - IDLE_EPOCH_SECONDS));

/** How far round the ring from the item's entry point the rep sits: the nearest wins a tie. */
export const ringDistance = (itemId: string, repId: string) =>
  (ringPosition(repId) - ringPosition(itemId) + RING) % RING;

/** The order an item's routing model and pool choose reps in. */
export function orderFor(item: WorkItem, config: CompiledConfig): AvailabilityOrder {
  if (config.queue(item.queueId).routingModel === 'LeastActive') return 'active';
  return item.interruptible ? 'interruptibleFree' : 'free';
}

const POOL_OF: Record<Exclude<AvailabilityOrder, 'active'>, CapacityPool> = {
  free: 'primary',
  interruptibleFree: 'interruptible',
};
export const poolOfOrder = (order: Exclude<AvailabilityOrder, 'active'>) => POOL_OF[order];

/**
 * A rep's place in an order: lower is better. `score * UNIT + idle second * RING + ring position`, where the score
 * is minus the free units (free orders) or the active items. Stores keep it by arithmetic on the rep's own writes.
 */
export function availabilityKey(
  rep: RepState,
  limits: Readonly<Record<CapacityPool, number>>,
  order: AvailabilityOrder,
): number {
  const score = order === 'active' ? rep.activeItems : rep.used[POOL_OF[order]] - limits[POOL_OF[order]];
  return score * UNIT + idleSecond(rep.lastOfferAt) * RING + ringPosition(rep.repId);
}

/** The part of a key that decides before the ring: reps with the same bucket are tied until the ring. */
export const bucketOf = (key: number) => Math.floor(key / RING);
