import { release } from '../routing/rep';
import type { WorkItem } from '../routing/work-item';
import { type Attempt, itemWrite, RETRY, repWrite, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { holderOf, requireItem } from './reads';
import { type RouteDecision, routeItem } from './route-item';

export type CallbackLineDecision =
  | { readonly kind: 'onLine' | 'alreadyOnLine'; readonly itemId: string }
  | { readonly kind: 'requeued'; readonly itemId: string; readonly repId: string; readonly reroute: RouteDecision }
  | { readonly kind: 'stale'; readonly itemId: string };

/** The dial's contact, still the one whose customer answered and has no rep yet. */
const waitingOnLine = (item: WorkItem, contactId: string) =>
  item.callback?.dialContactId === contactId && !item.callback.connected && item.state === 'Assigned';

/**
 * The customer answered a callback's dial: its contact is QUEUED in the holding queue (semantics §9). From now on
 * the callback is a call Connect connects, and the rep who dialed must be reachable within the push timeout.
 */
export async function callbackOnLine(
  deps: RouterDeps,
  input: { readonly itemId: string; readonly contactId: string },
): Promise<Outcome<CallbackLineDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('callbackOnLine', async (): Promise<Attempt<CallbackLineDecision>> => {
    const item = await requireItem(deps, input.itemId);
    if (!waitingOnLine(item, input.contactId)) return { kind: 'stale', itemId: item.id };
    if (item.callback!.onLineSince !== undefined) return { kind: 'alreadyOnLine', itemId: item.id };
    const next: WorkItem = {
      ...item,
      callback: { ...item.callback!, onLineSince: deps.clock.now() },
      version: item.version + 1,
    };
    if (!(await fx.commit([itemWrite(next, item)], { events: [], timers: [] }))) return RETRY;
    return { kind: 'onLine', itemId: item.id };
  });
  return fx.outcome(decision);
}

/**
 * Connect could not reach the rep who dialed (their targeting step expired): the customer on the line waits for
 * another rep, in line at their place (the callback keeps its request time), and is offered at once if one is free.
 * The rep is released and this call is not offered to them again in this session, as after a timeout.
 */
export async function callbackRepUnreachable(
  deps: RouterDeps,
  input: { readonly itemId: string; readonly contactId: string },
): Promise<Outcome<CallbackLineDecision>> {
  const fx = new Effects(deps);
  const requeued = await retrying('callbackRepUnreachable', async () => {
    const config = await deps.config.get();
    const item = await requireItem(deps, input.itemId);
    if (!waitingOnLine(item, input.contactId) || item.callback!.onLineSince === undefined)
      return { kind: 'stale' as const, itemId: item.id };
    const r = item.reservation!;
    const rep = await holderOf(deps, config, item);
    if (!rep) return RETRY;
    const now = deps.clock.now();
    const exclusion = { repId: r.repId, sessionId: r.sessionId, at: now, reason: 'timedOut' as const };
    const queued: WorkItem = {
      ...item,
      state: 'Queued',
      reservation: undefined,
      exclusions: [...item.exclusions.filter((e) => e.repId !== r.repId), exclusion],
      version: item.version + 1,
    };
    const event = {
      type: 'work.queued' as const,
      at: now,
      itemId: item.id,
      channel: item.channel,
      queueId: item.queueId,
      source: item.source,
      reason: 'repUnreachable' as const,
    };
    const writes = [itemWrite(queued, item), repWrite(config, release(rep, r.pool, r.units), rep)];
    if (!(await fx.commit(writes, { events: [event], timers: [] }))) return RETRY;
    return { kind: 'requeued' as const, itemId: item.id, repId: r.repId };
  });
  if (requeued.kind === 'stale') return fx.outcome(requeued);
  const reroute = await routeItem(deps, requeued.itemId, fx);
  await findWorkForRep(deps, requeued.repId, fx);
  return fx.outcome({ ...requeued, reroute: reroute.decision });
}
