import type { CompiledConfig, RepProfile } from '../config/compiled-config';
import { RouterError } from '../errors';
import type { OfferExplanation, RoutingEvent, Timer } from './events';
import type { FollowUp } from './follow-ups';
import { type RepState, release, reserve, withPresence } from './rep';
import { type CapacityPool, type Exclusion, liveCallOf, type WorkItem } from './work-item';

/** The result of a pure transition: new states to commit together, and what to announce and schedule after. */
export interface Transition {
  readonly item: WorkItem;
  readonly rep?: RepState;
  readonly events: RoutingEvent[];
  readonly timers: Timer[];
  /** What must happen outside the store once this is committed (a Connect call, a dial). */
  readonly followUps?: readonly FollowUp[];
}

export interface OfferInput {
  readonly item: WorkItem;
  readonly rep: RepState & { sessionId: string };
  readonly profile: RepProfile;
  readonly pool: CapacityPool;
  readonly units: number;
  readonly offerId: string;
  readonly explanation: OfferExplanation;
  readonly declinable?: boolean;
}

/** Queued → Offered (semantics §7), reserving capacity at the moment of the offer (semantics §4). */
export function offer(input: OfferInput, config: CompiledConfig, now: number): Transition {
  const { item, rep, profile, pool, units, offerId } = input;
  if (item.state !== 'Queued') throw new RouterError(`cannot offer item ${item.id} in state ${item.state}`);
  const queue = config.queue(item.queueId);
  const expiresAt = queue.pushTimeoutSeconds > 0 ? now + queue.pushTimeoutSeconds * 1000 : undefined;
  const declinable = (input.declinable ?? true) && profile.presence.allowDecline;
  const reservation = {
    offerId,
    repId: rep.repId,
    sessionId: rep.sessionId,
    pool,
    units,
    offeredAt: now,
    expiresAt,
    declinable,
  };
  const offered: WorkItem = {
    ...item,
    state: 'Offered',
    reservation,
    offers: item.offers + 1,
    version: item.version + 1,
  };
  const events: RoutingEvent[] = [
    {
      type: 'offer.created',
      at: now,
      itemId: item.id,
      offerId,
      repId: rep.repId,
      channel: item.channel,
      queueId: item.queueId,
      pool,
      units,
      expiresAt,
      declinable,
      explanation: input.explanation,
    },
  ];
  const timers: Timer[] = expiresAt ? [{ kind: 'pushTimeout', itemId: item.id, dueAt: expiresAt, guard: offerId }] : [];
  // A parked call reaches the rep only once Amazon Connect is told to target them (semantics §8).
  const call = liveCallOf(item) !== undefined;
  const followUps: FollowUp[] = call ? [{ kind: 'connectRep', itemId: item.id, offerId, repId: rep.repId }] : [];
  const next = { item: offered, rep: reserve(rep, pool, units, now), events, timers, followUps };
  // Voice is accepted when Connect reports the rep connected (semantics §7), never by the router alone.
  if (profile.presence.autoAccept && !call) {
    const accepted = accept(offered, now);
    return {
      ...next,
      item: accepted.item,
      events: [...events, ...accepted.events],
      timers: [],
      followUps: accepted.followUps,
    };
  }
  return next;
}

/** Offered → Assigned. */
export function accept(item: WorkItem, now: number): Transition {
  const r = item.reservation;
  if (item.state !== 'Offered' || !r) throw new RouterError(`cannot accept item ${item.id} in state ${item.state}`);
  const assigned: WorkItem = {
    ...item,
    state: 'Assigned',
    reservation: { ...r, acceptedAt: now },
    version: item.version + 1,
  };
  return {
    item: assigned,
    events: [
      {
        type: 'offer.accepted',
        at: now,
        itemId: item.id,
        offerId: r.offerId,
        repId: r.repId,
        waitMs: now - item.requestedAt,
      },
      { type: 'work.assigned', at: now, itemId: item.id, offerId: r.offerId, repId: r.repId, channel: item.channel },
    ],
    timers: [],
    // An accepted callback is dialed at once (semantics §9), unless its customer is on the line already.
    followUps:
      item.callback && item.callback.onLineSince === undefined ? [{ kind: 'dialCallback', itemId: item.id }] : [],
  };
}

export type ReturnKind = 'declined' | 'timedOut' | 'rescinded';

/**
 * Offered → Queued on decline, push timeout or rescind, releasing the reservation. Declines and timeouts
 * exclude the rep's current login session from this item (semantics §7); a rescind is not the rep's doing.
 */
export function returnToQueue(
  item: WorkItem,
  rep: RepState,
  kind: ReturnKind,
  now: number,
  options: { reason?: string; statusChange?: { statusId: string; channels: readonly string[] } } = {},
): Transition {
  const r = item.reservation;
  if (item.state !== 'Offered' || !r) throw new RouterError(`cannot return item ${item.id} in state ${item.state}`);
  const exclusions: Exclusion[] =
    kind === 'rescinded'
      ? [...item.exclusions]
      : [
          ...item.exclusions.filter((e) => e.repId !== r.repId),
          { repId: r.repId, sessionId: r.sessionId, at: now, reason: kind },
        ];
  const queued: WorkItem = { ...item, state: 'Queued', reservation: undefined, exclusions, version: item.version + 1 };
  let released = release(rep, r.pool, r.units);
  const events: RoutingEvent[] = [offerEndedEvent(kind, item.id, r.offerId, r.repId, now, options.reason)];
  const status = options.statusChange;
  if (status && rep.sessionId === r.sessionId && status.statusId !== rep.statusId) {
    released = withPresence(released, { ...released, statusId: status.statusId, statusChannels: [...status.channels] });
    events.push({
      type: 'rep.presenceChanged',
      at: now,
      repId: rep.repId,
      loggedIn: true,
      statusId: status.statusId,
      sessionId: rep.sessionId,
      reason: kind === 'declined' ? 'statusOnDecline' : 'statusOnPushTimeout',
    });
  }
  events.push({
    type: 'work.queued',
    at: now,
    itemId: item.id,
    channel: item.channel,
    queueId: item.queueId,
    source: item.source,
    reason: kind,
  });
  return { item: queued, rep: released, events, timers: [] };
}

function offerEndedEvent(
  kind: ReturnKind,
  itemId: string,
  offerId: string,
  repId: string,
  at: number,
  reason?: string,
): RoutingEvent {
  if (kind === 'declined') return { type: 'offer.declined', at, itemId, offerId, repId, reason };
  if (kind === 'timedOut') return { type: 'offer.timedOut', at, itemId, offerId, repId };
  return { type: 'offer.rescinded', at, itemId, offerId, repId, reason: reason ?? 'rescinded' };
}
