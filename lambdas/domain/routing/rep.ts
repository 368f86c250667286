import type { AvailabilityOrder } from './availability';
import type { CapacityPool } from './work-item';

export const POOLS: readonly CapacityPool[] = ['primary', 'interruptible'];

/** Who the rep is for routing right now: login session and presence status. */
export interface Presence {
  /** Present while logged in; a new login starts a new session (semantics §7). */
  readonly sessionId?: string;
  readonly loggedInAt?: number;
  /**
   * When the presence last changed (login, status, logout). Connect's agent status is meant to follow from then:
   * one that started earlier and differs is a PutUserStatus that did not take (semantics §8).
   */
  readonly presenceAt?: number;
  readonly statusId?: string;
  /** Channels the current presence status makes the rep available for. */
  readonly statusChannels: readonly string[];
}

/**
 * The rep's live routing state: the authority for capacity (semantics §1). Presence and capacity change
 * independently: presence under its own version, capacity by atomic bounded deltas, so concurrent offers to
 * one rep only contend when capacity is really short.
 */
export interface RepState extends Presence {
  readonly repId: string;
  readonly groupId: string;
  /** Bumped by every presence change (login, logout, status); offers require it unchanged since read. */
  readonly presenceVersion: number;
  readonly used: Readonly<Record<CapacityPool, number>>;
  readonly activeItems: number;
  /** Epoch ms of the last offer; 0 = never. Longest idle wins ties (semantics §6). */
  readonly lastOfferAt: number;
  /** Why Amazon Connect cannot deliver a call to this rep now, from its agent events (semantics §8). */
  readonly voiceBlock?: VoiceBlock;
  /** When Connect reported the agent state `voiceBlock` was derived from (agent events arrive unordered). */
  readonly voiceBlockAt?: number;
}

/**
 * What keeps Connect from delivering a call to the rep: their Connect status is not the routable one (offline,
 * or another status), a missed call not yet cleared, after-contact work, or a call already on the line.
 */
export type VoiceBlock = 'offline' | 'notRoutable' | 'missedCall' | 'afterContactWork' | 'onCall';

export function reserve(rep: RepState, pool: CapacityPool, units: number, now: number): RepState {
  return {
    ...rep,
    used: { ...rep.used, [pool]: rep.used[pool] + units },
    activeItems: rep.activeItems + 1,
    lastOfferAt: now,
  };
}

/**
 * Whether the rep's accounts cover a reservation. Read after the item, a rep that does not means another
 * writer released the reservation in between: the item read is stale, not the invariant broken.
 */
export function holds(rep: RepState, r: { readonly pool: CapacityPool; readonly units: number }): boolean {
  return rep.used[r.pool] >= r.units && rep.activeItems >= 1;
}

export function release(rep: RepState, pool: CapacityPool, units: number): RepState {
  const left = rep.used[pool] - units;
  // Releasing more than is held means a reservation was released twice: a broken invariant (semantics §1.4).
  if (left < 0 || rep.activeItems < 1) {
    throw new Error(`capacity release below zero for rep ${rep.repId} (${pool} ${rep.used[pool]} - ${units})`);
  }
  return { ...rep, used: { ...rep.used, [pool]: left }, activeItems: rep.activeItems - 1 };
}

/** Logged in with a status that routes at least one channel: the reps a push may consider (semantics §6). */
export function isRoutable(presence: Presence): boolean {
  return presence.sessionId !== undefined && presence.statusChannels.length > 0;
}

export function withPresence(rep: RepState, presence: Presence): RepState {
  return { ...rep, ...presence, presenceVersion: rep.presenceVersion + 1 };
}

/** One pool's atomic change: `used + delta`, valid only while the bound holds at write time. */
export interface PoolChange {
  readonly delta: number;
  /** Reserving: used must be at most this before the write (limit - delta), so capacity is never exceeded. */
  readonly maxBefore?: number;
  /** Releasing: used must be at least this before the write, so nothing is released twice. */
  readonly minBefore?: number;
}

/** A rep change as the store applies it atomically, derived from the states before and after a transition. */
export interface RepChange {
  readonly repId: string;
  readonly groupId: string;
  readonly pools: Partial<Record<CapacityPool, PoolChange>>;
  readonly activeDelta: number;
  readonly lastOfferAt?: number;
  /** New presence, written under `expectedPresenceVersion`. */
  readonly presence?: Presence;
  /** Guard: the presence read is still current (0: the rep row does not exist yet). */
  readonly expectedPresenceVersion?: number;
  /** The full row to create when `expectedPresenceVersion` is 0. */
  readonly create?: RepState;
  /** The rep's configured capacity: stores keep the rep's place in the availability orders from it. */
  readonly limits: Readonly<Record<CapacityPool, number>>;
  /** The availability orders the configuration keeps (CompiledConfig.availabilityOrders); absent: all of them. */
  readonly orders?: readonly AvailabilityOrder[];
  /** Guard of a call's reservation: Connect can deliver a call to the rep now (no `voiceBlock`, semantics §8). */
  readonly requireVoiceReachable?: boolean;
}

const samePresence = (a: Presence, b: Presence) =>
  a.sessionId === b.sessionId &&
  a.statusId === b.statusId &&
  a.loggedInAt === b.loggedInAt &&
  a.presenceAt === b.presenceAt &&
  a.statusChannels.join(',') === b.statusChannels.join(',');

/**
 * What changed between two states of a rep, with the guards that make it safe under concurrency:
 * a reservation requires room and an unchanged presence; a release requires the units to be held. Only a
 * pure release skips the presence guard (work may finish after logout); anything that reserves, even a swap
 * that nets to zero, requires the presence the decision was made on.
 */
export function repChange(
  before: RepState,
  after: RepState,
  limits: Readonly<Record<CapacityPool, number>>,
  orders?: readonly AvailabilityOrder[],
): RepChange {
  const pools: Partial<Record<CapacityPool, PoolChange>> = {};
  for (const pool of POOLS) {
    const delta = after.used[pool] - before.used[pool];
    if (delta > 0) pools[pool] = { delta, maxBefore: limits[pool] - delta };
    if (delta < 0) pools[pool] = { delta, minBefore: -delta };
  }
  const presenceChanged = !samePresence(before, after);
  const pureRelease = POOLS.every((p) => after.used[p] <= before.used[p]) && after.activeItems < before.activeItems;
  const reserving = !pureRelease;
  return {
    repId: before.repId,
    groupId: before.groupId,
    pools,
    activeDelta: after.activeItems - before.activeItems,
    lastOfferAt: after.lastOfferAt !== before.lastOfferAt ? after.lastOfferAt : undefined,
    presence: presenceChanged
      ? {
          sessionId: after.sessionId,
          loggedInAt: after.loggedInAt,
          presenceAt: after.presenceAt,
          statusId: after.statusId,
          statusChannels: after.statusChannels,
        }
      : undefined,
    expectedPresenceVersion: presenceChanged || reserving ? before.presenceVersion : undefined,
    create: before.presenceVersion === 0 ? after : undefined,
    limits,
    ...(orders ? { orders } : {}),
  };
}
