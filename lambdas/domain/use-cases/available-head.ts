import type { CompiledConfig } from '../config/compiled-config';
import type { AvailabilityPage, Page } from '../ports';
import {
  type AvailabilityOrder,
  availabilityKey,
  bucketOf,
  poolOfOrder,
  RING,
  RING_WINDOW,
  ringPosition,
} from '../routing/availability';
import { assess, limitsOf, poolLimit, unitsOf } from '../routing/eligibility';
import type { RepState } from '../routing/rep';
import type { CapacityPool, WorkItem } from '../routing/work-item';

/** Reps read per page of the head: a usual group whole, and in a big one the best rep and its ties. */
export const HEAD_PAGE = 50;
/** Pages read inside one tied bucket before finding the item's place on the ring by a range read instead. */
const TIE_PAGES = 1;
/** Reps read per page of the ring: a few past the RING_WINDOW eligible ones it looks for. */
const RING_PAGE = 10;

/**
 * A group's reps read from the head of one order. Every rep of the group whose key (as read) is below `boundary`
 * is among `reps`; `boundary` undefined means the whole group was read.
 */
export interface GroupHead {
  readonly reps: RepState[];
  readonly boundary?: number;
}

export type ReadOrder = (page: AvailabilityPage) => Promise<Page<RepState>>;

export function keyIn(config: CompiledConfig, rep: RepState, order: AvailabilityOrder): number | undefined {
  const profile = config.reps.get(rep.repId);
  return profile ? availabilityKey(rep, limitsOf(profile), order) : undefined;
}

/**
 * The fewest reps of a group that still hold the best eligible one for the item (semantics §13): the head of the
 * order, read on past ineligible reps, up to the end of the bucket of the first eligible one (its ties). A big tied
 * bucket (a center just logged in) is entered at the item's place on the ring. Free orders stop at the first rep
 * with less room than any rep of the group would need for the item: everyone after has less (at peak, when every
 * rep is full, a push reads one page, not the group).
 */
export async function readHead(
  read: ReadOrder,
  config: CompiledConfig,
  item: WorkItem,
  order: AvailabilityOrder,
  now: number,
): Promise<GroupHead> {
  const reps: RepState[] = [];
  let bucket: number | undefined;
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await read({ limit: HEAD_PAGE, cursor });
    // The whole page is kept (it is paid for): a small group is read whole, and its offers explain every rep.
    let done = false;
    let last: number | undefined;
    for (const state of page.items) {
      const key = keyIn(config, state, order);
      if (key === undefined) continue;
      reps.push(state);
      last = key;
      if (done) continue;
      if (bucket !== undefined && bucketOf(key) > bucket) done = true;
      const verdict = done ? 'ineligible' : judge(config, item, state, order, now);
      if (verdict === 'noRoomAfter') done = true;
      if (verdict === 'eligible' && bucket === undefined) bucket = bucketOf(key);
    }
    cursor = page.cursor;
    if (!cursor) return { reps };
    if (done) return { reps, boundary: last };
    if (bucket !== undefined && pages >= TIE_PAGES) return readRing(read, config, item, order, now, bucket, reps);
  }
}

function judge(
  config: CompiledConfig,
  item: WorkItem,
  state: RepState,
  order: AvailabilityOrder,
  now: number,
): 'eligible' | 'ineligible' | 'noRoomAfter' {
  const profile = config.reps.get(state.repId)!;
  if (assess(item, profile, state, config, now).eligible) return 'eligible';
  if (order === 'active') return callAfterBusy(config, item, state) ? 'noRoomAfter' : 'ineligible';
  const pool = poolOfOrder(order);
  const free = poolLimit(profile, pool) - state.used[pool];
  return free < fewestUnits(config, state.groupId, item, pool) ? 'noRoomAfter' : 'ineligible';
}

/**
 * Fewest active items first: without an interruptible pool every active item holds primary units, so once reps
 * hold work, none after has the whole primary pool free that a call takes.
 */
const callAfterBusy = (config: CompiledConfig, item: WorkItem, state: RepState) =>
  item.channel === 'voice' && !config.usesInterruptiblePool && state.activeItems >= 1;

const fewest = new WeakMap<CompiledConfig, Map<string, number>>();

/** The fewest units any rep of the group would need for the item (a call takes a whole pool, sizes may be %). */
function fewestUnits(config: CompiledConfig, groupId: string, item: WorkItem, pool: CapacityPool): number {
  const size = item.size ?? config.queue(item.queueId).size;
  const key = `${groupId}\u0000${item.channel}\u0000${pool}\u0000${JSON.stringify(size)}`;
  let known = fewest.get(config);
  if (!known) {
    known = new Map();
    fewest.set(config, known);
  }
  let units = known.get(key);
  if (units === undefined) {
    units = Number.POSITIVE_INFINITY;
    for (const rep of config.reps.values())
      if (rep.group === groupId) units = Math.min(units, unitsOf(size, item.channel, pool, rep));
    known.set(key, units);
  }
  return units;
}

/**
 * Inside one tied bucket, the winner is among the RING_WINDOW eligible reps nearest round the ring from the item's
 * position (selection.ts): read from that position to the bucket's end, then from its start, stopping once that
 * many are found and past the last one's equals.
 */
async function readRing(
  read: ReadOrder,
  config: CompiledConfig,
  item: WorkItem,
  order: AvailabilityOrder,
  now: number,
  bucket: number,
  reps: RepState[],
): Promise<GroupHead> {
  const start = bucket * RING;
  const entry = start + ringPosition(item.id);
  const ranges: [number, number][] = [[entry, start + RING - 1]];
  if (entry > start) ranges.push([start, entry - 1]);
  let found = 0;
  let last: number | undefined;
  for (const [from, to] of ranges) {
    let cursor: string | undefined;
    do {
      const page = await read({ limit: RING_PAGE, cursor, from, to });
      for (const state of page.items) {
        const key = keyIn(config, state, order);
        if (key === undefined) continue;
        if (found >= RING_WINDOW && key > last!) return { reps: unique(reps), boundary: start };
        reps.push(state);
        if (judge(config, item, state, order, now) !== 'eligible') continue;
        found++;
        last = key;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  // Only part of the bucket was read: nothing at or past its start is known to be complete.
  return { reps: unique(reps), boundary: start };
}

/** The ring may read again reps the head's pages held. */
const unique = (reps: RepState[]) => [...new Map(reps.map((r) => [r.repId, r])).values()];
