import { isRoutable, type RepState } from '../routing/rep';

/** The default time a group's cached candidates are used before the index is queried again. */
export const CANDIDATE_CACHE_MS = 3_000;

/**
 * A router's short-lived copy of each group's available reps, so a push need not query the index for every
 * arrival (semantics §13: candidates may come from a slightly stale source). Safe by construction: the commit on
 * the rep (presence version, capacity bounds) is what guarantees capacity; a stale entry only costs a lost
 * commit, after which the rep is read fresh. "Nobody eligible" is never concluded from the cache: the caller
 * queries again first. This router's own rep writes update it at once; other routers' within `ttlMs`.
 */
export class CandidateCache {
  private readonly groups = new Map<string, { at: number; reps: Map<string, RepState> }>();

  constructor(private readonly ttlMs: number) {}

  get(groupId: string, now: number): RepState[] | undefined {
    const entry = this.groups.get(groupId);
    if (!entry || now - entry.at >= this.ttlMs) return undefined;
    return [...entry.reps.values()];
  }

  put(groupId: string, reps: readonly RepState[], now: number): void {
    this.groups.set(groupId, { at: now, reps: new Map(reps.map((r) => [r.repId, r])) });
  }

  /** A rep state this router has just committed (its best knowledge: at least as fresh as what it read). */
  update(rep: RepState): void {
    const entry = this.groups.get(rep.groupId);
    if (!entry) return;
    if (isRoutable(rep)) entry.reps.set(rep.repId, rep);
    else entry.reps.delete(rep.repId);
  }
}
