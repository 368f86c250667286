import type { CompiledConfig } from '../config/compiled-config';
import { InvalidInputError } from '../errors';
import { invalidInput } from '../input-problems';
import { assess } from '../routing/eligibility';
import type { RoutingEvent } from '../routing/events';
import { queuedTimers } from '../routing/lifecycle';
import { type RepState, release } from '../routing/rep';
import { singleRepExplanation } from '../routing/selection';
import { requeuedForTransfer } from '../routing/transfer-requeue';
import { offer } from '../routing/transitions';
import type { PendingTransfer, WorkItem } from '../routing/work-item';
import * as z from '../zod';
import { type Attempt, itemWrite, type PlannedWrite, RETRY, repWrite, retrying, sourceClaim } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { holderOf, repState, requireItem } from './reads';
import { routeItem } from './route-item';
import { resolveTransfer, transferRequestSchema, transferTo } from './transfer-target';

export const transferInputSchema = z.strictObject({
  itemId: z.string().check(z.minLength(1), z.maxLength(128)),
  repId: z.string().check(z.minLength(1), z.maxLength(64)),
  to: transferRequestSchema,
});

export type TransferInput = z.input<typeof transferInputSchema>;

export type TransferDecision =
  | {
      readonly kind: 'transferred';
      readonly itemId: string;
      readonly to: ReturnType<typeof transferTo>;
      readonly offeredTo?: string;
    }
  | { readonly kind: 'pending'; readonly itemId: string; readonly to: ReturnType<typeof transferTo> }
  | { readonly kind: 'stale'; readonly itemId: string; readonly state: WorkItem['state'] };

/**
 * Spec §9: a rep transfers assigned work to a rep (an offer without the decline option), a queue (keeping
 * requestedAt unless told otherwise) or a routing flow. Digital work moves at once; a call moves when Connect
 * reports it left the rep (completeTransfer), so the rep's voice capacity is held until then.
 */
export async function transferWork(deps: RouterDeps, input: TransferInput): Promise<Outcome<TransferDecision>> {
  const parsed = transferInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { itemId, repId, to } = parsed.data;
  const fx = new Effects(deps);
  const config = await deps.config.get();
  config.rep(repId, 'repId');
  const decision = await retrying('transfer', async (): Promise<Attempt<TransferDecision>> => {
    const item = await requireItem(deps, itemId);
    const now = deps.clock.now();
    // Bad input is an error whatever state the item is in (semantics §12); only then is a moved-on item stale.
    const resolved = resolveTransfer(config, item, repId, to, now);
    if (item.state !== 'Assigned' || !item.reservation) return { kind: 'stale', itemId, state: item.state };
    if (item.reservation.repId !== repId) throw new InvalidInputError('repId', `item ${itemId} is held by another rep`);
    const pending: PendingTransfer = { to: resolved.target, fromRepId: repId, requestedAt: now, via: resolved.via };
    if (item.channel !== 'voice') return completeTransfer(deps, fx, item, pending, resolved.events);
    const next: WorkItem = { ...item, pendingTransfer: pending, version: item.version + 1 };
    const requested: RoutingEvent = {
      type: 'work.transferRequested',
      at: now,
      itemId,
      fromRepId: repId,
      to: transferTo(resolved.target),
      via: resolved.via,
    };
    if (!(await fx.commit([itemWrite(next, item)], { events: [...resolved.events, requested], timers: [] })))
      return RETRY;
    return { kind: 'pending', itemId, to: transferTo(resolved.target) };
  });
  return fx.outcome(decision);
}

/**
 * Connect reports a new contact whose previous contact is a call with a pending transfer: the call has left the
 * transferring rep (semantics §9). The transfer completes, and the item follows the new contact id from now on.
 */
export async function completePendingTransfer(
  deps: RouterDeps,
  input: { itemId: string; contactId: string },
): Promise<Outcome<TransferDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('completeTransfer', async (): Promise<Attempt<TransferDecision>> => {
    const item = await requireItem(deps, input.itemId);
    if (item.state !== 'Assigned' || !item.pendingTransfer)
      return { kind: 'stale', itemId: item.id, state: item.state };
    return completeTransfer(deps, fx, item, item.pendingTransfer, [], input.contactId);
  });
  return fx.outcome(decision);
}

/**
 * The transfer itself, in one transaction: the item leaves the transferring rep (capacity released) and is
 * offered to the target rep, or queued. `newSource` is a transferred call's new Connect contact id.
 * Returns undefined on a version conflict (the caller retries on fresh state).
 */
export async function completeTransfer(
  deps: RouterDeps,
  fx: Effects,
  item: WorkItem,
  pending: PendingTransfer,
  events: RoutingEvent[] = [],
  newSource?: string,
): Promise<Attempt<TransferDecision>> {
  const config = await deps.config.get();
  const now = deps.clock.now();
  const r = item.reservation!;
  const from = await holderOf(deps, config, item);
  if (!from) return RETRY;
  const queued = requeuedForTransfer(item, pending, config, now, newSource);
  const writes: PlannedWrite[] = [repWrite(config, release(from, r.pool, r.units), from)];
  if (newSource) writes.push(sourceClaim(item.channel, newSource, item.id, now));
  const moved: RoutingEvent = {
    type: 'work.transferred',
    at: now,
    itemId: item.id,
    fromRepId: r.repId,
    to: transferTo(pending.to),
    via: pending.via,
  };
  const offered =
    pending.to.kind === 'rep' ? await offerWithoutDecline(deps, config, queued, pending.to.repId, now) : undefined;
  const final = offered?.item ?? queued;
  if (offered) writes.push(repWrite(config, offered.rep!, offered.before));
  const queuedEvent: RoutingEvent = {
    type: 'work.queued',
    at: now,
    itemId: item.id,
    channel: item.channel,
    queueId: final.queueId,
    source: final.source,
    reason: 'transferred',
  };
  const caused = { events: [...events, moved, queuedEvent], timers: queuedTimers(queued, config) };
  if (!(await fx.commit([itemWrite(final, item), ...writes], caused, ...(offered ? [offered] : [])))) return RETRY;
  if (!offered) await routeItem(deps, item.id, fx);
  await findWorkForRep(deps, r.repId, fx);
  return {
    kind: 'transferred',
    itemId: item.id,
    to: transferTo(pending.to),
    offeredTo: offered?.item.reservation?.repId,
  };
}

/** Semantics §7: a transfer to a rep is an offer without the decline option, made at once when the rep can take it. */
async function offerWithoutDecline(
  deps: RouterDeps,
  config: CompiledConfig,
  item: WorkItem,
  repId: string,
  now: number,
) {
  const profile = config.rep(repId);
  const before = await repState(deps, config, repId);
  const a = assess(item, profile, before, config, now);
  if (!a.eligible || before.sessionId === undefined) return undefined;
  const explanation = singleRepExplanation(config, item.queueId);
  const rep = before as RepState & { sessionId: string };
  const t = offer(
    {
      item,
      rep,
      profile,
      pool: a.pool,
      units: a.units,
      offerId: deps.ids.next('offer'),
      explanation,
      declinable: false,
    },
    config,
    now,
  );
  return { ...t, before };
}
