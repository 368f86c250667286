import { CONNECTED_OUTSIDE_ROUTING, moveToConnectedAgent } from '../routing/connected-agent';
import type { WorkItem } from '../routing/work-item';
import type { RoutingCommands } from './commands';
import { type Attempt, itemWrite, RETRY, repWrite, retrying } from './commit';
import type { ContactEvent, ContactEventDecision } from './contact-events';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { holderOf, repState, requireItem } from './reads';

export type ConnectedAgentDecision =
  | { readonly kind: 'moved'; readonly itemId: string; readonly repId: string; readonly fromRepId?: string }
  /** `repId` absent: the agent Connect names is no rep of this configuration. */
  | { readonly kind: 'unbookable'; readonly itemId: string; readonly repId?: string; readonly fromRepId?: string }
  | { readonly kind: 'stale'; readonly itemId: string; readonly state: WorkItem['state'] };

/**
 * `CONNECTED_TO_AGENT` named a rep the call was not offered to (a decline, timeout or expiry raced the answer):
 * the reservation moves to the rep who has the call, in one transaction (semantics §8). The rep released may pull
 * other work at once.
 */
export async function bookConnectedAgent(
  deps: RouterDeps,
  input: { readonly itemId: string; readonly repId?: string },
): Promise<Outcome<ConnectedAgentDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('connectedAgent', async (): Promise<Attempt<ConnectedAgentDecision>> => {
    const config = await deps.config.get();
    const item = await requireItem(deps, input.itemId);
    const offeredTo = item.state === 'Offered' ? item.reservation?.repId : undefined;
    if ((item.state !== 'Queued' && item.state !== 'Offered') || offeredTo === input.repId) {
      return { kind: 'stale', itemId: item.id, state: item.state };
    }
    const holder = offeredTo ? await holderOf(deps, config, item) : undefined;
    if (offeredTo && !holder) return RETRY;
    const state = input.repId ? await repState(deps, config, input.repId) : undefined;
    const connected = input.repId && state ? { state, profile: config.rep(input.repId) } : undefined;
    const now = deps.clock.now();
    const t = moveToConnectedAgent(item, holder, connected, deps.ids.next('offer'), config, now);
    const writes = [itemWrite(t.item, item)];
    if (t.released && holder) writes.push(repWrite(config, t.released, holder));
    if (t.booked && state) writes.push(repWrite(config, t.booked, state));
    if (!(await fx.commit(writes, { events: t.events, timers: [] }))) return RETRY;
    const from = offeredTo ? { fromRepId: offeredTo } : {};
    if (t.item.outcome === CONNECTED_OUTSIDE_ROUTING)
      return { kind: 'unbookable', itemId: item.id, ...(input.repId ? { repId: input.repId } : {}), ...from };
    return { kind: 'moved', itemId: item.id, repId: input.repId!, ...from };
  });
  if (decision.kind !== 'stale' && decision.fromRepId) await findWorkForRep(deps, decision.fromRepId, fx);
  return fx.outcome(decision);
}

/**
 * The connected agent decides (semantics §8): a call Connect connected to a rep other than the one it is offered
 * to (or while it waited) becomes theirs, in one transaction; connected to an agent who is no rep of this
 * configuration, it leaves routing and nobody stays booked for it. Undefined when the event names the offer's own
 * rep, or no agent.
 */
export async function connectedElsewhere(
  deps: RouterDeps,
  commands: RoutingCommands,
  item: WorkItem,
  e: ContactEvent,
): Promise<ContactEventDecision | undefined> {
  if (!e.agentId) return undefined;
  const connected = (await deps.config.get()).repForConnectUser(e.agentId);
  if (connected !== undefined && connected === item.reservation?.repId) return undefined;
  if (item.state !== 'Offered' && item.state !== 'Queued') return undefined;
  const moved = await commands.bookConnectedAgent({ itemId: item.id, repId: connected });
  if (moved.decision.kind === 'moved') return { kind: 'applied', action: 'movedToConnectedAgent' };
  if (moved.decision.kind === 'unbookable') return { kind: 'applied', action: 'connectedOutsideRouting' };
  return { kind: 'ignored', reason: 'stale' };
}
