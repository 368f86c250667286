import { type AgentSnapshot, statusToRestore, voiceBlockOf } from '../routing/connect-agent-state';
import type { VoiceBlock } from '../routing/rep';
import type { RoutingCommands } from './commands';
import { commitOrConflict } from './commit';
import type { RouterDeps } from './deps';
import { setAgentStatus } from './voice';

/** One agent event stream record, reduced to what routing needs (the handler maps AWS's shape to this). */
export interface AgentStateEvent extends AgentSnapshot {
  readonly connectUserId: string;
  /** EventTimestamp: agent events may repeat, and a newer state must not be overwritten by an older one. */
  readonly at: number;
}

export type AgentStateDecision =
  | {
      readonly kind: 'applied';
      readonly repId: string;
      readonly voiceBlock?: VoiceBlock;
      /** Calls the rep missed, timed out as their push timeout would (and the agent put back, if configured). */
      readonly missed: readonly string[];
      /** The Connect status set again because the router's last one did not take. */
      readonly restoredStatus?: string;
    }
  | { readonly kind: 'statusRestored'; readonly repId: string; readonly restoredStatus: string }
  | { readonly kind: 'ignored'; readonly reason: 'notRouted' | 'stale' | 'unchanged' };

/**
 * Connect's agent state moves the router (semantics §8): the router offers a rep no call while Connect could not
 * deliver it (the rep's `voiceBlock`), a missed call is the push timeout (with its status-on-timeout) and the
 * agent is put back with DismissUserContact where configured, and a rep Connect can reach again pulls waiting work.
 */
export async function handleAgentEvent(
  deps: RouterDeps,
  commands: RoutingCommands,
  e: AgentStateEvent,
): Promise<AgentStateDecision> {
  const config = await deps.config.get();
  const repId = config.repForConnectUser(e.connectUserId);
  if (!repId) return { kind: 'ignored', reason: 'notRouted' };
  const rep = await deps.store.getRep(repId);
  if (!rep) return { kind: 'ignored', reason: 'notRouted' };
  // Only an older state is stale: events of one instant (a miss and its dismissal) apply in the stream's order.
  if (rep.voiceBlockAt !== undefined && rep.voiceBlockAt > e.at) return { kind: 'ignored', reason: 'stale' };
  const block = voiceBlockOf(e, config.connectAgents);
  const missed = (e.contacts ?? []).filter((c) => MISSED_STATES.includes(c.state));
  // Heart beats (every 120 s with no other event) make this the reconciliation of the two statuses.
  const restoredStatus = statusToRestore(config, rep, e);
  if (restoredStatus) await setAgentStatus(deps, repId);
  const restored = restoredStatus ? { restoredStatus } : {};
  // Written only when it changes: a heart beat every 120 s per agent would otherwise write for nothing.
  if (block === rep.voiceBlock && missed.length === 0)
    return restoredStatus
      ? { kind: 'statusRestored', repId, restoredStatus }
      : { kind: 'ignored', reason: 'unchanged' };
  if (block !== rep.voiceBlock) {
    // First, so the timeouts below (which let the rep pull work) never offer them a call Connect cannot deliver.
    // It causes nothing outside the store (no outbox entry): it only changes whom a push may offer a call to.
    const done = await commitOrConflict(deps, [{ write: { kind: 'voiceState', repId, block, at: e.at } }]);
    if (!done.committed) return { kind: 'ignored', reason: 'stale' };
  }
  const timedOut = await timeOutMissed(deps, commands, repId, missed);
  if (config.connectAgents.dismissMissedCalls) await dismiss(deps, e.connectUserId, missed);
  if (!block) await commands.findWorkForRep(repId);
  return { kind: 'applied', repId, ...(block ? { voiceBlock: block } : {}), missed: timedOut, ...restored };
}

/** A contact the agent did not take (missed, a rejected call shows as missed) or that failed on their side. */
const MISSED_STATES = ['MISSED', 'REJECTED', 'ERROR'];

/** Calls of ours the agent missed: the offer times out now, not at the end of its push timeout. */
async function timeOutMissed(
  deps: RouterDeps,
  commands: RoutingCommands,
  repId: string,
  missed: readonly { readonly contactId: string }[],
): Promise<string[]> {
  const timedOut: string[] = [];
  for (const contact of missed) {
    const itemId = await deps.store.itemIdForSource('voice', contact.contactId);
    const item = itemId ? await deps.store.getItem(itemId) : undefined;
    if (item?.state !== 'Offered' || item.reservation?.repId !== repId) continue;
    const out = await commands.timeOut({ itemId: item.id, repId, offerId: item.reservation.offerId });
    if (out.decision.kind !== 'stale') timedOut.push(item.id);
  }
  return timedOut;
}

/**
 * Every missed contact is cleared, whoever's call it was and whether or not its offer already timed out: until it
 * is, Connect offers the agent nothing. A failure (one already cleared, say) is reported, not retried: a later
 * event for the same missed contact clears it again.
 */
async function dismiss(deps: RouterDeps, connectUserId: string, missed: readonly { readonly contactId: string }[]) {
  for (const contact of missed) {
    try {
      await deps.telephony?.dismissContact?.({ connectUserId, contactId: contact.contactId });
    } catch (err) {
      deps.telephony?.reportFailure?.(err, contact.contactId);
    }
  }
}
