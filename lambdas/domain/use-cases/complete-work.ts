import { InvalidInputError } from '../errors';
import { cancel, complete, finish } from '../routing/lifecycle';
import type { WorkItem } from '../routing/work-item';
import { type Attempt, itemWrite, RETRY, repWrite, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { assertKnownRep, holderOf, requireItem } from './reads';

export type CompleteDecision =
  | { readonly kind: 'wrapUp'; readonly itemId: string; readonly repId: string; readonly wrapUpEndsAt: number }
  | { readonly kind: 'completed'; readonly itemId: string; readonly repId: string }
  | { readonly kind: 'stale'; readonly itemId: string; readonly state: WorkItem['state'] };

export type CancelDecision =
  | { readonly kind: 'canceled'; readonly itemId: string; readonly releasedRepId?: string }
  | { readonly kind: 'stale'; readonly itemId: string; readonly state: WorkItem['state'] };

function checkHolder(item: WorkItem, repId: string | undefined): void {
  if (repId !== undefined && item.reservation && item.reservation.repId !== repId) {
    throw new InvalidInputError('repId', `item ${item.id} is held by another rep`);
  }
}

/** The work ended: Assigned → WrapUp, or → Completed with capacity released (semantics §3, §4). */
export async function completeWork(
  deps: RouterDeps,
  input: { itemId: string; repId?: string },
): Promise<Outcome<CompleteDecision>> {
  const fx = new Effects(deps);
  await assertKnownRep(deps, input.repId);
  const decision = await retrying('complete', async (): Promise<Attempt<CompleteDecision>> => {
    const config = await deps.config.get();
    const item = await requireItem(deps, input.itemId);
    checkHolder(item, input.repId);
    if (item.state !== 'Assigned') return { kind: 'stale', itemId: item.id, state: item.state };
    const repId = item.reservation!.repId;
    const rep = await holderOf(deps, config, item);
    if (!rep) return RETRY;
    const t = complete(item, rep, config, deps.clock.now());
    const writes = t.rep ? [itemWrite(t.item, item), repWrite(config, t.rep, rep)] : [itemWrite(t.item, item)];
    if (!(await fx.commit(writes, t))) return RETRY;
    return t.item.state === 'WrapUp'
      ? { kind: 'wrapUp', itemId: item.id, repId, wrapUpEndsAt: t.item.wrapUpEndsAt! }
      : { kind: 'completed', itemId: item.id, repId };
  });
  if (decision.kind === 'completed') await findWorkForRep(deps, decision.repId, fx);
  return fx.outcome(decision);
}

/** After-contact work is over (timer or the rep): WrapUp → Completed, capacity released. */
export async function endWrapUp(
  deps: RouterDeps,
  input: { itemId: string; repId?: string; offerId?: string },
): Promise<Outcome<CompleteDecision>> {
  const fx = new Effects(deps);
  await assertKnownRep(deps, input.repId);
  const decision = await retrying('endWrapUp', async (): Promise<Attempt<CompleteDecision>> => {
    const config = await deps.config.get();
    const item = await requireItem(deps, input.itemId);
    checkHolder(item, input.repId);
    const current =
      item.state === 'WrapUp' && (input.offerId === undefined || item.reservation?.offerId === input.offerId);
    if (!current) return { kind: 'stale', itemId: item.id, state: item.state };
    const repId = item.reservation!.repId;
    const rep = await holderOf(deps, config, item);
    if (!rep) return RETRY;
    const t = finish(item, rep, deps.clock.now());
    if (!(await fx.commit([itemWrite(t.item, item), repWrite(config, t.rep!, rep)], t))) return RETRY;
    return { kind: 'completed', itemId: item.id, repId };
  });
  if (decision.kind === 'completed') await findWorkForRep(deps, decision.repId, fx);
  return fx.outcome(decision);
}

/** The customer left (caller hung up, chat closed) before the work was assigned: → Canceled. */
export async function cancelWork(
  deps: RouterDeps,
  input: { itemId: string; reason: string },
): Promise<Outcome<CancelDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('cancel', async (): Promise<Attempt<CancelDecision>> => {
    const config = await deps.config.get();
    const item = await requireItem(deps, input.itemId);
    if (item.state !== 'Queued' && item.state !== 'Offered')
      return { kind: 'stale', itemId: item.id, state: item.state };
    const repId = item.reservation?.repId;
    const rep = repId ? await holderOf(deps, config, item) : undefined;
    if (repId && !rep) return RETRY;
    const t = cancel(item, rep, input.reason, deps.clock.now());
    const writes = t.rep && rep ? [itemWrite(t.item, item), repWrite(config, t.rep, rep)] : [itemWrite(t.item, item)];
    if (!(await fx.commit(writes, t))) return RETRY;
    return { kind: 'canceled', itemId: item.id, releasedRepId: repId };
  });
  if (decision.kind === 'canceled' && decision.releasedRepId) await findWorkForRep(deps, decision.releasedRepId, fx);
  return fx.outcome(decision);
}
