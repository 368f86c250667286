import type { RoutingEvent } from './events';

/**
 * Work a committed change leaves to be done outside the store, returned as values by the transitions that cause
 * it and run by the Router once the use case has committed (semantics §8, §9):
 * - `connectRep`: a voice offer was committed, so Amazon Connect must target exactly that rep;
 * - `dialCallback`: a callback was assigned to a rep, so the customer must be dialed;
 * - `setAgentStatus`: a rep's presence changed, so their Connect agent status must follow it.
 * Each is checked against the item's state when it runs: one that a later change overtook does nothing.
 */
export type FollowUp =
  | { readonly kind: 'connectRep'; readonly itemId: string; readonly offerId: string; readonly repId: string }
  | { readonly kind: 'dialCallback'; readonly itemId: string }
  | { readonly kind: 'setAgentStatus'; readonly repId: string };

/** Every rep whose presence a commit changed gets their Connect status set to follow it (semantics §8). */
export function agentStatusFollowUps(events: readonly RoutingEvent[]): FollowUp[] {
  const reps = new Set(events.flatMap((e) => (e.type === 'rep.presenceChanged' ? [e.repId] : [])));
  return [...reps].map((repId) => ({ kind: 'setAgentStatus', repId }));
}
