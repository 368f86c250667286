import type { CompiledConfig } from '../config/compiled-config';
import { type AvailabilityOrder, bucketOf, orderFor } from '../routing/availability';
import { activeRequirements } from '../routing/eligibility';
import type { RepState } from '../routing/rep';
import type { Candidate, Selection } from '../routing/selection';
import type { WorkItem } from '../routing/work-item';
import { keyIn, readHead } from './available-head';
import type { RouterDeps } from './deps';

/** Reps to choose from, and what they prove: `fresh` (just read for this item) or within each group's boundary. */
export interface Pick {
  readonly candidates: Candidate[];
  readonly fresh: boolean;
  readonly order: AvailabilityOrder;
  /** Per group read: reps whose key is below the boundary were all read (undefined: the whole group). */
  readonly boundaries: ReadonlyMap<string, number | undefined>;
}

/** Whether the choice made from a pick is the one a fresh read would make (up to the cache's staleness). */
export function proves(config: CompiledConfig, item: WorkItem, pick: Pick, selection: Selection): boolean {
  if (selection.kind === 'none') return item.target.kind === 'rep';
  const state = selection.rep.state;
  const boundary = pick.boundaries.get(state.groupId);
  if (boundary === undefined) return true;
  return bucketOf(keyIn(config, state, pick.order)!) < bucketOf(boundary);
}

export const replaced = (candidates: Candidate[], repId: string, latest: RepState | undefined) =>
  candidates.flatMap((c) => (c.profile.id !== repId ? [c] : latest ? [{ ...c, state: latest }] : []));

/**
 * Candidate reps: the preferred rep read by key, or each serving group's available reps: the head of the item's
 * order where the store keeps it (available-head.ts), else the whole group; from the cache if allowed.
 */
export async function candidatesFor(
  deps: RouterDeps,
  config: CompiledConfig,
  item: WorkItem,
  now: number,
  fresh = false,
): Promise<Pick> {
  const order = orderFor(item, config);
  const boundaries = new Map<string, number | undefined>();
  const target = item.target;
  let states: RepState[];
  let cached = false;
  if (target.kind === 'rep') {
    const rep = await deps.store.getRep(target.repId);
    states = rep ? [rep] : [];
  } else {
    const groups =
      target.kind === 'queue'
        ? config.groupsServing(item.queueId)
        : config.groupsWithSkills(activeRequirements(target.requirements, item.targetSince, now));
    // An order the configuration does not keep has no index to read (an interruptible item queued before the
    // pool was turned off): the whole group is read instead, and chosen from exactly.
    const kept = config.availabilityOrders.includes(order);
    const inOrder = kept ? deps.store.availableInOrder?.bind(deps.store) : undefined;
    const cacheOrder = inOrder ? order : undefined;
    const reads = await Promise.all(
      groups.map(async (g) => {
        const hit = fresh ? undefined : deps.candidates?.get(g, now, cacheOrder);
        if (hit) cached = true;
        const read =
          hit ??
          (inOrder
            ? await readHead((p) => inOrder(g, order, p), config, item, order, now)
            : { reps: await deps.store.availableReps(g) });
        if (!hit) deps.candidates?.put(g, read, now, cacheOrder);
        boundaries.set(g, read.boundary);
        return read.reps;
      }),
    );
    // A rep is in one group only, so the groups' reads never overlap.
    states = reads.flat();
  }
  const candidates = states.flatMap((state) => {
    const profile = config.reps.get(state.repId);
    return profile ? [{ profile, state }] : [];
  });
  return { candidates, fresh: !cached, order, boundaries };
}
