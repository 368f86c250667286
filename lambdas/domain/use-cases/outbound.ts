import type { CompiledConfig } from '../config/compiled-config';
import { InvalidInputError } from '../errors';
import type { RoutingEvent } from '../routing/events';
import { applyDueRules } from '../routing/lifecycle';
import { type RepState, reserve } from '../routing/rep';
import { returnToQueue } from '../routing/transitions';
import type { WorkItem } from '../routing/work-item';
import { type Attempt, itemWrite, newItem, RETRY, repWrite, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { repState } from './reads';
import { routeItem } from './route-item';

export type OutboundDecision =
  | {
      readonly kind: 'reserved';
      readonly itemId: string;
      readonly repId: string;
      readonly rescinded: readonly string[];
    }
  | { readonly kind: 'busy'; readonly repId: string; readonly reason: 'activeVoiceCapacity' }
  | { readonly kind: 'duplicate'; readonly itemId: string };

export interface OutboundInput {
  readonly repId: string;
  /** The dial's own id (e.g. the outbound contact id): one reservation per call. */
  readonly callId: string;
  /** The voice queue whose configuration applies; defaults to the first voice queue. */
  readonly queueId?: string;
  readonly attributes?: Record<string, string>;
}

function voiceQueue(config: CompiledConfig, queueId: string | undefined) {
  const queue = queueId ? config.queue(queueId, 'queueId') : config.raw.queues.find((q) => q.channel === 'voice');
  if (queue?.channel !== 'voice') throw new InvalidInputError('queueId', 'outbound calls need a voice queue');
  return queue;
}

/** Pending primary offers to this rep, read by key so their versions are current. */
async function primaryOffers(deps: RouterDeps, repId: string): Promise<WorkItem[]> {
  const held = await deps.store.heldItems(repId);
  const fresh = await Promise.all(held.map((i) => deps.store.getItem(i.id)));
  return fresh.filter(
    (i): i is WorkItem => i?.state === 'Offered' && i.reservation?.repId === repId && i.reservation.pool === 'primary',
  );
}

/**
 * Outbound calls count (semantics §4, beyond Omni): the rep's whole primary capacity is reserved, and pending primary
 * offers that no longer fit are rescinded (back to the queue, not a decline), all in one transaction, so no
 * router can slip a new offer in between.
 */
export async function reserveOutbound(deps: RouterDeps, input: OutboundInput): Promise<Outcome<OutboundDecision>> {
  const fx = new Effects(deps);
  const config = await deps.config.get();
  const queue = voiceQueue(config, input.queueId);
  const profile = config.rep(input.repId);
  const decision = await retrying('reserveOutbound', async (): Promise<Attempt<OutboundDecision>> => {
    const existing = await deps.store.itemIdForSource('voice', input.callId);
    if (existing) return { kind: 'duplicate', itemId: existing };
    const rep = await repState(deps, config, input.repId);
    if (rep.sessionId === undefined) throw new InvalidInputError('repId', `rep '${rep.repId}' is logged out`);
    const offers = await primaryOffers(deps, rep.repId);
    // Offers are read after the rep: one committed in between is in the list but not in the rep's accounts.
    // Retry on a consistent pair instead of releasing what the rep read does not hold.
    if (offers.reduce((sum, i) => sum + i.reservation!.units, 0) > rep.used.primary) return RETRY;
    const now = deps.clock.now();
    let freed: RepState = rep;
    const events: RoutingEvent[] = [];
    const returned = offers.map((item) => {
      const t = returnToQueue(item, freed, 'rescinded', now, { reason: 'outboundCall' });
      freed = t.rep!;
      const due = applyDueRules(t.item, config, now);
      events.push(...t.events, ...due.events);
      return { before: item, after: due.item };
    });
    if (freed.used.primary > 0) return { kind: 'busy', repId: rep.repId, reason: 'activeVoiceCapacity' };
    const item = outboundItem(deps, input, queue.id, rep.repId, rep.sessionId, profile.presence.capacity, now);
    const reserved = reserve(freed, 'primary', item.reservation!.units, now);
    const writes = [
      ...returned.map((r) => itemWrite(r.after, r.before)),
      newItem(item, now),
      repWrite(config, reserved, rep),
    ];
    const assigned: RoutingEvent = {
      type: 'work.assigned',
      at: now,
      itemId: item.id,
      offerId: item.reservation!.offerId,
      repId: rep.repId,
      channel: 'voice',
    };
    if (!(await fx.commit(writes, { events: [...events, assigned], timers: [] }))) return RETRY;
    return { kind: 'reserved', itemId: item.id, repId: rep.repId, rescinded: returned.map((r) => r.before.id) };
  });
  if (decision.kind === 'reserved') {
    for (const itemId of decision.rescinded) await routeItem(deps, itemId, fx);
  }
  return fx.outcome(decision);
}

function outboundItem(
  deps: RouterDeps,
  input: OutboundInput,
  queueId: string,
  repId: string,
  sessionId: string,
  units: number,
  now: number,
): WorkItem {
  const offerId = deps.ids.next('offer');
  return {
    id: deps.ids.next('work'),
    channel: 'voice',
    source: input.callId,
    queueId,
    target: { kind: 'rep', repId, required: true },
    interruptible: false,
    requestedAt: now,
    targetSince: now,
    attributes: { direction: 'outbound', ...input.attributes },
    state: 'Assigned',
    version: 1,
    exclusions: [],
    relaxedSkills: [],
    offers: 1,
    reservation: {
      offerId,
      repId,
      sessionId,
      pool: 'primary',
      units,
      offeredAt: now,
      declinable: false,
      acceptedAt: now,
    },
  };
}
