import type { WorkItem } from '../routing/work-item';
import type { DialOutcomeInput } from './callback-dial';
import type { RoutingCommands } from './commands';
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

/**
 * Events of a callback's outbound dial (semantics §9). QUEUED: target the rep who accepted it. Connected to the
 * rep: answered. Disconnected without ever reaching the rep: not reached (busy when Connect says so), which
 * the retry policy handles. After an answer, the call ends like any call.
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
  switch (e.eventType) {
    case 'QUEUED': {
      if (item.state !== 'Assigned' || !r || cb.connected) return stale;
      // The rep already accepted: a step that never expires, so the call goes to them and nobody else.
      const targeting = await connectRep(deps, { contactId: e.contactId, repId: r.repId, expirySeconds: 0 });
      return targeting === 'targeted' || targeting === 'contactGone' ? applied('retargeted') : stale;
    }
    case 'CONNECTED_TO_AGENT':
      return (await outcome('answered')).decision.kind === 'connected' ? applied('callbackAnswered') : stale;
    case 'DISCONNECTED': {
      if (cb.connected || e.connectedToAgentAt !== undefined) {
        if (!cb.connected) await outcome('answered');
        const done = await commands.complete({ itemId: item.id });
        return done.decision.kind === 'stale' ? stale : applied('completed');
      }
      // [INFERENCE: the event's disconnectReason is documented for campaign dials; a busy line is matched on BUSY.]
      const busy = /BUSY/i.test(e.disconnectReason ?? '');
      const result = await outcome(busy ? 'busy' : 'noAnswer');
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
