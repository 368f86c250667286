import type { CapacityPool } from './work-item';

/** The rep's live routing state: the authority for capacity (spec §1). */
export interface RepState {
  readonly repId: string;
  readonly groupId: string;
  /** Present while logged in; a new login starts a new session (spec §7). */
  readonly sessionId?: string;
  readonly loggedInAt?: number;
  readonly statusId?: string;
  /** Channels the current presence status makes the rep available for. */
  readonly statusChannels: readonly string[];
  readonly used: Readonly<Record<CapacityPool, number>>;
  readonly activeItems: number;
  /** Epoch ms of the last offer; 0 = never. Longest idle wins ties (spec §6). */
  readonly lastOfferAt: number;
  readonly version: number;
}

export function newRepState(repId: string, groupId: string): RepState {
  return {
    repId, groupId, statusChannels: [], used: { primary: 0, interruptible: 0 },
    activeItems: 0, lastOfferAt: 0, version: 0,
  };
}

export const isLoggedIn = (rep: RepState): rep is RepState & { sessionId: string } => rep.sessionId !== undefined;

export function reserve(rep: RepState, pool: CapacityPool, units: number, now: number): RepState {
  return {
    ...rep,
    used: { ...rep.used, [pool]: rep.used[pool] + units },
    activeItems: rep.activeItems + 1,
    lastOfferAt: now,
    version: rep.version + 1,
  };
}

export function release(rep: RepState, pool: CapacityPool, units: number): RepState {
  const left = rep.used[pool] - units;
  // Releasing more than is held means a reservation was released twice: a broken invariant (spec §1.4).
  if (left < 0 || rep.activeItems < 1) {
    throw new Error(`capacity release below zero for rep ${rep.repId} (${pool} ${rep.used[pool]} - ${units})`);
  }
  return { ...rep, used: { ...rep.used, [pool]: left }, activeItems: rep.activeItems - 1, version: rep.version + 1 };
}
