import type { RoutingEvent } from '../routing/events';
import type { Outcome, RouterDeps } from './context';

type Cancel = (input: { itemId: string; reason: string }) => Promise<Outcome<unknown>>;

/**
 * Spec §8: once a voice offer is committed, tell Amazon Connect to connect exactly that rep. The offer is
 * checked to still be current (a fast decline or hang-up may have moved it on). A contact that no longer
 * exists cancels the item, which releases the reservation, and any offers that cancel causes are handed
 * to Connect in turn. Returns the events of those follow-ups.
 */
export async function connectVoiceOffers(
  deps: RouterDeps,
  events: readonly RoutingEvent[],
  cancel: Cancel,
): Promise<RoutingEvent[]> {
  const telephony = deps.telephony;
  if (!telephony) return [];
  const followUps: RoutingEvent[] = [];
  const pending = events.filter(
    (e): e is Extract<RoutingEvent, { type: 'offer.created' }> => e.type === 'offer.created' && e.channel === 'voice',
  );
  while (pending.length) {
    const e = pending.shift()!;
    const item = await deps.store.getItem(e.itemId);
    if (item?.state !== 'Offered' || item.reservation?.offerId !== e.offerId) continue;
    const config = await deps.config.get();
    const connectUserId = config.rep(e.repId).connectUserId;
    let result: 'targeted' | 'contactGone';
    try {
      if (!connectUserId)
        throw new Error(`rep ${e.repId} takes voice work but has no connectUserId in the configuration`);
      result = await telephony.connectRep({
        contactId: item.source,
        connectUserId,
        expirySeconds: config.queue(item.queueId).pushTimeoutSeconds,
      });
    } catch (err) {
      // The offer is committed: failing now would fail the caller's hand-off while a rep is reserved. The
      // QUEUED contact event re-targets, and the push timeout (or the sweeper) re-routes if that never comes.
      telephony.reportFailure?.(err, item.source);
      continue;
    }
    if (result === 'targeted') continue;
    const canceled = await cancel({ itemId: item.id, reason: 'contactGone' });
    followUps.push(...canceled.events);
    pending.push(...canceled.events.filter((c): c is typeof e => c.type === 'offer.created' && c.channel === 'voice'));
  }
  return followUps;
}
