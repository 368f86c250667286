import type { OutboxEntry } from '../routing/outbox';
import type { RouterDeps } from './deps';
import type { Outcome } from './effects';
import { runFollowUps } from './follow-ups';
import { pushToDesktops } from './push-desktops';

export type DispatchDecision = { readonly kind: 'dispatched'; readonly entryId: string };

/**
 * Delivers what one committed change caused (semantics §10), from its outbox entry. Redelivery is expected (the
 * stream delivers at least once), so each part is safe to repeat: events keep their ids (subscribers de-duplicate),
 * timers are guarded when they fire, and follow-ups check the item's state first (a Connect call only for the
 * offer still current, a dial under its client token), and desktops keep the highest item version they saw.
 */
export async function dispatchOutbox(deps: RouterDeps, entry: OutboxEntry): Promise<Outcome<DispatchDecision>> {
  if (entry.events.length) await deps.events.publish(entry.events);
  await pushToDesktops(deps, entry.events);
  if (entry.timers.length) await deps.timers.schedule(entry.timers);
  const decision: DispatchDecision = { kind: 'dispatched', entryId: entry.id };
  return runFollowUps(deps, { decision, events: [], followUps: [...entry.followUps] });
}
