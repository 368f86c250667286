import type { WorkItem } from '../routing/work-item';
import type { DialOutcomeInput } from './callback-dial';
import { callbackOnLine } from './callback-line';
import type { RoutingCommands } from './commands';
import { connectedElsewhere } from './connected-agent';
import type { ContactEvent, ContactEventDecision } from './contact-events';
import type { RouterDeps } from './deps';
import { connectRep } from './voice';

const applied = (action: Extract<ContactEventDecision, { kind: 'applied' }>['action']) =>
  ({ kind: 'applied', action }) as const;
const stale = { kind: 'ignored', reason: 'stale' } as const;

/**
 * A new contact whose previous contact has a pending transfer: the call left the rep; complete the transfer.
 * [INFERENCE, reference §5.1: a quick-connect transfer is initiation method TRANSFER with `previousContactId`
 * the original contact; confirm on a live instance. Any event of the new contact completes it, once.]
 */
export async function transferArrival(
  deps: RouterDeps,
  commands: RoutingCommands,
  e: ContactEvent,
): Promise<ContactEventDecision | undefined> {
  if (!e.previousContactId || e.previousContactId === e.contactId) return undefined;
  const itemId = await deps.store.itemIdForSource('voice', e.previousContactId);
  const item = itemId ? await deps.store.getItem(itemId) : undefined;
  if (!item?.pendingTransfer || item.state !== 'Assigned') return undefined;
  const done = await commands.transferArrived({ itemId: item.id, contactId: e.contactId });
  return done.decision.kind === 'transferred' ? applied('transferred') : stale;
}

/** How long a callback's rep has to be connected once the customer is on the line, when the queue sets none. */
export const CALLBACK_CONNECT_SECONDS = 30;

/**
 * Events of a callback's outbound dial (semantics §9). QUEUED: the customer answered and waits on the line; the rep
 * who dialed is targeted with a step that expires (the push timeout). The step expired: that rep could not be
 * reached, so the customer waits for another at their place, or a re-offer's timeout. Connected to the rep:
 * answered. Disconnected without ever reaching a rep: not reached (busy when Connect says so), which the retry
 * policy handles, or, once the customer had answered, answered but never connected (not called again).
 */
export async function callbackContactEvent(
  deps: RouterDeps,
  commands: RoutingCommands,
  item: WorkItem,
  e: ContactEvent,
): Promise<ContactEventDecision> {
  const cb = item.callback;
  const r = item.reservation;
  if (!cb || cb.dialContactId !== e.contactId) return stale;
  const outcome = (o: DialOutcomeInput['outcome']) =>
    commands.recordDialOutcome({ itemId: item.id, contactId: e.contactId, outcome: o });
  const expirySeconds = async () =>
    (await deps.config.get()).queue(item.queueId).pushTimeoutSeconds || CALLBACK_CONNECT_SECONDS;
  switch (e.eventType) {
    case 'QUEUED': {
      if (!r || cb.connected || (item.state !== 'Assigned' && item.state !== 'Offered')) return stale;
      if (item.state === 'Assigned') await callbackOnLine(deps, { itemId: item.id, contactId: e.contactId });
      const targeting = await connectRep(deps, {
        contactId: e.contactId,
        repId: r.repId,
        expirySeconds: await expirySeconds(),
      });
      return targeting === 'targeted' || targeting === 'contactGone' ? applied('retargeted') : stale;
    }
    case 'CONTACT_DATA_UPDATED': {
      if (!e.stepExpired || cb.connected || cb.onLineSince === undefined)
        return { kind: 'ignored', reason: 'notRelevant' };
      if (item.state === 'Assigned') {
        const out = await commands.callbackRepUnreachable({ itemId: item.id, contactId: e.contactId });
        return out.decision.kind === 'requeued' ? applied('timedOut') : stale;
      }
      // A re-offer's own expiry: the push timeout, as for any call.
      if (item.state !== 'Offered' || !r || r.expiresAt === undefined || deps.clock.now() + 2_000 < r.expiresAt)
        return stale;
      await commands.timeOut({ itemId: item.id, offerId: r.offerId });
      return applied('timedOut');
    }
    case 'CONNECTED_TO_AGENT': {
      // Answered by another rep than the one offered it (a re-offer raced the answer): theirs, as for any call.
      const elsewhere = await connectedElsewhere(deps, commands, item, e);
      if (elsewhere?.kind === 'applied' && elsewhere.action === 'connectedOutsideRouting') return elsewhere;
      if (!elsewhere && item.state === 'Offered') await commands.accept({ itemId: item.id, offerId: r?.offerId });
      return (await outcome('answered')).decision.kind === 'connected' ? applied('callbackAnswered') : stale;
    }
    case 'DISCONNECTED': {
      if (cb.connected || e.connectedToAgentAt !== undefined) {
        if (!cb.connected) await outcome('answered');
        const done = await commands.complete({ itemId: item.id });
        return done.decision.kind === 'stale' ? stale : applied('completed');
      }
      if (cb.onLineSince !== undefined && item.state !== 'Assigned') {
        const canceled = await commands.cancel({ itemId: item.id, reason: 'answeredNotConnected' });
        return canceled.decision.kind === 'stale' ? stale : applied('callbackNotReached');
      }
      // [INFERENCE: the event's disconnectReason is documented for campaign dials; a busy line is matched on BUSY.]
      const busy = /BUSY/i.test(e.disconnectReason ?? '');
      const result = await outcome(cb.onLineSince !== undefined ? 'answeredNotConnected' : busy ? 'busy' : 'noAnswer');
      return result.decision.kind === 'stale' ? stale : applied('callbackNotReached');
    }
    case 'COMPLETED': {
      if (item.state !== 'WrapUp') return stale;
      await commands.endWrapUp({ itemId: item.id });
      return applied('wrapUpEnded');
    }
    default:
      return { kind: 'ignored', reason: 'notRelevant' };
  }
}
