import type { RoutingCommands } from './commands';
import { connectedElsewhere } from './connected-agent';
import { callbackContactEvent, transferArrival } from './contact-event-links';
import type { RouterDeps } from './deps';
import { connectRep } from './voice';

/** A Connect contact event, reduced to what routing needs (the handler maps Connect's shape to this). */
export interface ContactEvent {
  readonly contactId: string;
  readonly eventType:
    | 'INITIATED'
    | 'CONNECTED_TO_SYSTEM'
    | 'QUEUED'
    | 'CONNECTED_TO_AGENT'
    | 'CONTACT_DATA_UPDATED'
    | 'DISCONNECTED'
    | 'COMPLETED';
  /** Present when the contact reached an agent (CONNECTED_TO_AGENT, and DISCONNECTED of an answered call). */
  readonly connectedToAgentAt?: number;
  /** The Connect user id of the agent the contact reached (the last part of `agentInfo.agentArn`). */
  readonly agentId?: string;
  /** CONTACT_DATA_UPDATED because a routing step expired. */
  readonly stepExpired?: boolean;
  /** A transferred call is a new contact whose previous contact is the one the rep had. */
  readonly previousContactId?: string;
  /** Connect's reason when present, e.g. an outbound dial that met a busy line. */
  readonly disconnectReason?: string;
}

export type ContactEventDecision =
  | {
      readonly kind: 'applied';
      readonly action:
        | 'retargeted'
        | 'routed'
        | 'accepted'
        | 'movedToConnectedAgent'
        | 'connectedOutsideRouting'
        | 'timedOut'
        | 'canceled'
        | 'completed'
        | 'wrapUpEnded'
        | 'transferred'
        | 'callbackAnswered'
        | 'callbackNotReached';
    }
  | { readonly kind: 'ignored'; readonly reason: 'notRouted' | 'stale' | 'notRelevant' };

/** How early an expiry may be reported for the current offer and still be its own (clocks differ slightly). */
const EXPIRY_SLACK_MS = 2_000;

/**
 * Spec §8: Connect contact events drive voice work. They arrive unordered and may repeat, so each is checked
 * against the item's current state; one that no longer applies is ignored and changes nothing.
 */
export async function handleContactEvent(
  deps: RouterDeps,
  commands: RoutingCommands,
  e: ContactEvent,
): Promise<ContactEventDecision> {
  const { store, clock } = deps;
  const itemId = await store.itemIdForSource('voice', e.contactId);
  // Contacts the router never received (unified routing off, internal calls) are Connect's own business,
  // unless one is a call that was transferred away from a rep.
  if (!itemId) return (await transferArrival(deps, commands, e)) ?? { kind: 'ignored', reason: 'notRouted' };
  const item = await store.getItem(itemId);
  if (!item) return { kind: 'ignored', reason: 'notRouted' };
  if (item.channel === 'callback') return callbackContactEvent(deps, commands, item, e);
  // The first leg of a transferred call: the item follows the new contact now.
  if (item.source !== e.contactId) return { kind: 'ignored', reason: 'stale' };
  const r = item.reservation;
  const applied = (action: Extract<ContactEventDecision, { kind: 'applied' }>['action']) =>
    ({ kind: 'applied', action }) as const;
  switch (e.eventType) {
    case 'QUEUED':
      // Routing criteria take effect once the contact is queued: target the current offer again, or route now.
      if (item.state === 'Offered' && r) {
        const expirySeconds = (await deps.config.get()).queue(item.queueId).pushTimeoutSeconds;
        const targeting = await connectRep(deps, { contactId: e.contactId, repId: r.repId, expirySeconds });
        if (targeting !== 'noTelephony') return applied('retargeted');
      }
      if (item.state === 'Queued') {
        await commands.routeItem(itemId);
        return applied('routed');
      }
      return { kind: 'ignored', reason: 'stale' };
    case 'CONNECTED_TO_AGENT': {
      const elsewhere = await connectedElsewhere(deps, commands, item, e);
      if (elsewhere) return elsewhere;
      if (item.state !== 'Offered') return { kind: 'ignored', reason: 'stale' };
      await commands.accept({ itemId, offerId: r?.offerId });
      return applied('accepted');
    }
    case 'CONTACT_DATA_UPDATED': {
      if (!e.stepExpired) return { kind: 'ignored', reason: 'notRelevant' };
      // An expiry for an earlier offer must not time out a newer one.
      const current =
        item.state === 'Offered' && r?.expiresAt !== undefined && clock.now() + EXPIRY_SLACK_MS >= r.expiresAt;
      if (!current) return { kind: 'ignored', reason: 'stale' };
      await commands.timeOut({ itemId, offerId: r!.offerId });
      return applied('timedOut');
    }
    case 'DISCONNECTED':
      if (e.connectedToAgentAt !== undefined) {
        // Answered, even if CONNECTED_TO_AGENT has not arrived yet: accept (by the agent who had it), then end it.
        const elsewhere = await connectedElsewhere(deps, commands, item, e);
        if (elsewhere?.kind === 'applied' && elsewhere.action === 'connectedOutsideRouting') return elsewhere;
        if (!elsewhere && item.state === 'Offered') await commands.accept({ itemId, offerId: r?.offerId });
        const done = await commands.complete({ itemId });
        return done.decision.kind === 'stale' ? { kind: 'ignored', reason: 'stale' } : applied('completed');
      }
      if (item.state !== 'Queued' && item.state !== 'Offered') return { kind: 'ignored', reason: 'stale' };
      await commands.cancel({ itemId, reason: 'abandoned' });
      return applied('canceled');
    case 'COMPLETED':
      // Fully ended, after-contact work included.
      if (item.state === 'Assigned') await commands.complete({ itemId });
      if ((await store.getItem(itemId))?.state !== 'WrapUp') return { kind: 'ignored', reason: 'stale' };
      await commands.endWrapUp({ itemId });
      return applied('wrapUpEnded');
    default:
      return { kind: 'ignored', reason: 'notRelevant' };
  }
}
