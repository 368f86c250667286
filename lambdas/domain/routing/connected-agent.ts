import type { CompiledConfig, RepProfile } from '../config/compiled-config';
import { RouterError } from '../errors';
import { poolLimit, sizeFor } from './eligibility';
import type { RoutingEvent } from './events';
import { cancel } from './lifecycle';
import type { RepState } from './rep';
import { singleRepExplanation } from './selection';
import { accept, offer, returnToQueue } from './transitions';
import type { WorkItem } from './work-item';

/** Why an offer ended because Connect connected the call to another agent (semantics §8). */
export const CONNECTED_TO_ANOTHER_AGENT = 'connectedToAnotherAgent';
/** Why a call left routing: Connect connected it to an agent the router cannot book (logged out, full). */
export const CONNECTED_OUTSIDE_ROUTING = 'connectedToUnbookableAgent';

export interface ConnectedAgentMove {
  readonly item: WorkItem;
  /** The rep whose offer ended, released; absent when the call was waiting. */
  readonly released?: RepState;
  /** The rep who has the call, now holding it; absent when they could not be booked (the item is canceled). */
  readonly booked?: RepState;
  readonly events: RoutingEvent[];
}

/**
 * Connect connected a call to an agent other than the one the router offered it to (or while it waited): the
 * connected agent decides. The offer ends (rescinded, not the rep's doing) and the call is the connected rep's,
 * assigned at once; if the router cannot book them (not logged in, no room), the call leaves routing as canceled
 * so no rep is booked for a call they do not have. Connect needs no targeting: the call is already connected.
 */
export function moveToConnectedAgent(
  item: WorkItem,
  holder: RepState | undefined,
  /** Absent: the agent is no rep of this configuration. */
  connected: { readonly state: RepState; readonly profile: RepProfile } | undefined,
  offerId: string,
  config: CompiledConfig,
  now: number,
): ConnectedAgentMove {
  if (item.state !== 'Queued' && item.state !== 'Offered') {
    throw new RouterError(`cannot move item ${item.id} in state ${item.state} to the connected agent`);
  }
  if (item.state === 'Offered' && !holder) throw new RouterError(`item ${item.id} has no holder to release`);
  const size = connected && sizeFor(item, connected.profile, config);
  const fits =
    connected && size && poolLimit(connected.profile, size.pool) - connected.state.used[size.pool] >= size.units;
  const sessionId = connected?.state.sessionId;
  if (!connected || !size || sessionId === undefined || !fits) {
    const t = cancel(item, holder, CONNECTED_OUTSIDE_ROUTING, now);
    return { item: t.item, released: t.rep, events: t.events };
  }
  const rep = connected.state;
  const { pool, units } = size;
  const returned =
    item.state === 'Offered'
      ? returnToQueue(item, holder!, 'rescinded', now, { reason: CONNECTED_TO_ANOTHER_AGENT })
      : undefined;
  const waiting = returned?.item ?? item;
  const offered = offer(
    {
      item: waiting,
      rep: { ...rep, sessionId },
      profile: connected.profile,
      pool,
      units,
      offerId,
      explanation: singleRepExplanation(config, item.queueId),
      declinable: false,
    },
    config,
    now,
  );
  const assigned = accept(offered.item, now);
  // The item never waited again: its only events are the offer's end, the new offer and its acceptance.
  const ended = (returned?.events ?? []).filter((e) => e.type === 'offer.rescinded');
  return {
    item: assigned.item,
    released: returned?.rep,
    booked: offered.rep,
    events: [...ended, ...offered.events, ...assigned.events],
  };
}
