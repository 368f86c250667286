import { AVAILABILITY_ORDERS, type AvailabilityOrder } from '../routing/availability';
import { isRoutable, type RepState } from '../routing/rep';

/** The default time a group's cached candidates are used before the index is queried again. */
export const CANDIDATE_CACHE_MS = 3_000;

/** A group's cached reps: the whole group, or the head of one order up to `boundary` (see GroupHead). */
export interface CachedReps {
  readonly reps: RepState[];
  readonly boundary?: number;
}

/**
 * A router's short-lived copy of what it read of each group's available reps, so a push need not query the index
 * for every arrival (semantics §13: candidates may come from a slightly stale source). Safe by construction: the
 * commit on the rep (presence version, capacity bounds) is what guarantees capacity; a stale entry only costs a
 * lost commit, after which the rep is read fresh. "Nobody eligible" is never concluded from the cache: the caller
 * queries again first. This router's own rep writes update it at once; other routers' within `ttlMs`. Entries are
 * per group and order (`undefined`: the whole group, in no order).
 */
export class CandidateCache {
  private readonly entries = new Map<string, { at: number; reps: Map<string, RepState>; boundary?: number }>();

  constructor(private readonly ttlMs: number) {}

  get(groupId: string, now: number, order?: AvailabilityOrder): CachedReps | undefined {
    const entry = this.entries.get(entryKey(groupId, order));
    if (!entry || now - entry.at >= this.ttlMs) return undefined;
    return { reps: [...entry.reps.values()], boundary: entry.boundary };
  }

  put(groupId: string, read: CachedReps, now: number, order?: AvailabilityOrder): void {
    const reps = new Map(read.reps.map((r) => [r.repId, r]));
    this.entries.set(entryKey(groupId, order), { at: now, reps, boundary: read.boundary });
  }

  /** A rep state this router has just committed (its best knowledge: at least as fresh as what it read). */
  update(rep: RepState): void {
    for (const order of [undefined, ...AVAILABILITY_ORDERS]) {
      const entry = this.entries.get(entryKey(rep.groupId, order));
      if (!entry) continue;
      // A rep past a head's boundary may join it: what decides is only whether a choice is provably the best.
      if (isRoutable(rep)) entry.reps.set(rep.repId, rep);
      else entry.reps.delete(rep.repId);
    }
  }
}

const entryKey = (groupId: string, order?: AvailabilityOrder) => (order ? `${groupId}\u0000${order}` : groupId);
