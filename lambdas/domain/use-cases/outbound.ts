import { InvalidInputError } from '../errors';
import { reserve } from '../routing/rep';
import type { WorkItem } from '../routing/work-item';
import { Effects, itemWrite, repState, repWrite, retrying, tryCommit, type Outcome, type RouterDeps } from './context';
import { rescindOffer } from './offer-responses';

export type OutboundDecision =
  | { readonly kind: 'reserved'; readonly itemId: string; readonly repId: string; readonly rescinded: readonly string[] }
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

/**
 * Outbound calls count (spec §4, beyond Omni): the rep's whole primary capacity is reserved through the same
 * versioned write as an offer. Pending primary offers that no longer fit are rescinded first.
 */
export async function reserveOutbound(deps: RouterDeps, input: OutboundInput): Promise<Outcome<OutboundDecision>> {
  const fx = new Effects(deps);
  const config = await deps.config.get();
  const queue = input.queueId ? config.queue(input.queueId, 'queueId') : config.raw.queues.find((q) => q.channel === 'voice');
  if (!queue || queue.channel !== 'voice') throw new InvalidInputError('queueId', 'outbound calls need a voice queue');
  const existing = await deps.store.itemIdForSource('voice', input.callId);
  if (existing) return fx.outcome({ kind: 'duplicate', itemId: existing });
  const rescinded: string[] = [];
  for (const held of await deps.store.heldItems(input.repId)) {
    if (held.state !== 'Offered' || held.reservation?.pool !== 'primary') continue;
    const r = await rescindOffer(deps, { itemId: held.id, repId: input.repId, reason: 'outboundCall' });
    fx.events.push(...r.events);
    if (r.decision.kind === 'rescinded') rescinded.push(held.id);
  }
  const decision = await retrying('reserveOutbound', async (): Promise<OutboundDecision | undefined> => {
    const rep = await repState(deps, config, input.repId);
    const profile = config.rep(input.repId);
    if (rep.sessionId === undefined) throw new InvalidInputError('repId', `rep '${rep.repId}' is logged out`);
    if (rep.used.primary > 0) return { kind: 'busy', repId: rep.repId, reason: 'activeVoiceCapacity' };
    const now = deps.clock.now();
    const itemId = deps.ids.next('work');
    const offerId = deps.ids.next('offer');
    const units = profile.presence.capacity;
    const item: WorkItem = {
      id: itemId, channel: 'voice', source: input.callId, queueId: queue.id, target: { kind: 'rep', repId: rep.repId, required: true },
      interruptible: false, requestedAt: now, targetSince: now, attributes: { direction: 'outbound', ...input.attributes },
      state: 'Assigned', version: 1, exclusions: [], relaxedSkills: [], offers: 1,
      reservation: { offerId, repId: rep.repId, sessionId: rep.sessionId, pool: 'primary', units, offeredAt: now, declinable: false, acceptedAt: now },
    };
    if (!(await tryCommit(deps, [itemWrite(item, undefined), repWrite(reserve(rep, 'primary', units, now), rep)]))) {
      const winner = await deps.store.itemIdForSource('voice', input.callId);
      return winner ? { kind: 'duplicate', itemId: winner } : undefined;
    }
    await fx.emit({ events: [{ type: 'work.assigned', at: now, itemId, offerId, repId: rep.repId }], timers: [] });
    return { kind: 'reserved', itemId, repId: rep.repId, rescinded };
  });
  return fx.outcome(decision);
}
