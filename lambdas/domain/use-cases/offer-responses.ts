import type { CompiledConfig } from '../config/compiled-config';
import { InvalidInputError } from '../errors';
import type { Timer } from '../routing/events';
import { applyDueRules, queuedTimers } from '../routing/lifecycle';
import { accept, type ReturnKind, returnToQueue } from '../routing/transitions';
import type { WorkItem } from '../routing/work-item';
import { itemWrite, RETRY, repWrite, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { assertKnownRep, holderOf, requireItem } from './reads';
import { type RouteDecision, routeItem } from './route-item';

export interface OfferRef {
  readonly itemId: string;
  /** When given, only this rep's offer is acted on. */
  readonly repId?: string;
  /** When given, only this exact offer (stale timers and duplicate events carry an old one). */
  readonly offerId?: string;
}

export type AcceptDecision =
  | { readonly kind: 'accepted'; readonly itemId: string; readonly repId: string; readonly offerId: string }
  | { readonly kind: 'alreadyAccepted'; readonly itemId: string; readonly repId: string }
  | { readonly kind: 'stale'; readonly itemId: string; readonly state: WorkItem['state'] };

export type ReturnDecision =
  | { readonly kind: ReturnKind; readonly itemId: string; readonly repId: string; readonly reroute: RouteDecision }
  | { readonly kind: 'stale'; readonly itemId: string; readonly state: WorkItem['state'] };

const isCurrentOffer = (item: WorkItem, ref: OfferRef) =>
  item.state === 'Offered' &&
  item.reservation !== undefined &&
  (ref.repId === undefined || item.reservation.repId === ref.repId) &&
  (ref.offerId === undefined || item.reservation.offerId === ref.offerId);

/** Offered → Assigned. Accepting twice is recognised and changes nothing. */
export async function acceptOffer(deps: RouterDeps, ref: OfferRef): Promise<Outcome<AcceptDecision>> {
  const fx = new Effects(deps);
  await assertKnownRep(deps, ref.repId);
  return retrying('accept', async () => {
    const item = await requireItem(deps, ref.itemId);
    const r = item.reservation;
    if (!isCurrentOffer(item, ref)) {
      const same =
        r &&
        item.state !== 'Offered' &&
        r.acceptedAt !== undefined &&
        (ref.offerId === undefined || r.offerId === ref.offerId) &&
        (ref.repId === undefined || r.repId === ref.repId);
      return fx.outcome(
        same
          ? { kind: 'alreadyAccepted', itemId: item.id, repId: r.repId }
          : { kind: 'stale', itemId: item.id, state: item.state },
      );
    }
    const t = accept(item, deps.clock.now());
    if (!(await fx.commit([itemWrite(t.item, item)], t))) return RETRY;
    return fx.outcome({ kind: 'accepted', itemId: item.id, repId: r!.repId, offerId: r!.offerId });
  });
}

export const declineOffer = (deps: RouterDeps, ref: OfferRef & { reason?: string }) =>
  returnOffer(deps, ref, 'declined');
export const timeOutOffer = (deps: RouterDeps, ref: OfferRef) => returnOffer(deps, ref, 'timedOut');
export const rescindOffer = (deps: RouterDeps, ref: OfferRef & { reason?: string }) =>
  returnOffer(deps, ref, 'rescinded');

function checkDecline(config: CompiledConfig, item: WorkItem, reason: string | undefined): void {
  const presence = config.rep(item.reservation!.repId).presence;
  if (!item.reservation!.declinable) throw new InvalidInputError('itemId', 'this offer cannot be declined');
  if (presence.declineReasons.length > 0 && (reason === undefined || !presence.declineReasons.includes(reason))) {
    throw new InvalidInputError('reason', `must be one of: ${presence.declineReasons.join(', ')}`);
  }
}

/** Offered → Queued (decline, timeout, rescind); then the item is routed again and the rep may pull other work. */
async function returnOffer(
  deps: RouterDeps,
  ref: OfferRef & { reason?: string },
  kind: ReturnKind,
): Promise<Outcome<ReturnDecision>> {
  const fx = new Effects(deps);
  await assertKnownRep(deps, ref.repId);
  const returned = await retrying(kind, async () => {
    const config = await deps.config.get();
    const now = deps.clock.now();
    const item = await requireItem(deps, ref.itemId);
    if (!isCurrentOffer(item, ref)) return { kind: 'stale' as const, itemId: item.id, state: item.state };
    if (kind === 'declined') checkDecline(config, item, ref.reason);
    const r = item.reservation!;
    const rep = await holderOf(deps, config, item);
    if (!rep) return RETRY;
    const presence = config.rep(r.repId).presence;
    const statusId =
      kind === 'declined' ? presence.statusOnDecline : kind === 'timedOut' ? presence.statusOnPushTimeout : undefined;
    const statusChange = statusId ? { statusId, channels: config.status(statusId).channels } : undefined;
    const t = returnToQueue(item, rep, kind, now, { reason: ref.reason, statusChange });
    const due = applyDueRules(t.item, config, now);
    const caused = { events: [...t.events, ...due.events], timers: requeueTimers(due.item, config, kind, now) };
    if (!(await fx.commit([itemWrite(due.item, item), repWrite(config, t.rep!, rep)], caused))) return RETRY;
    return { kind, itemId: item.id, repId: r.repId };
  });
  if (returned.kind === 'stale') return fx.outcome(returned);
  const reroute = await routeItem(deps, returned.itemId, fx);
  await findWorkForRep(deps, returned.repId, fx);
  return fx.outcome({ ...returned, reroute: reroute.decision });
}

function requeueTimers(item: WorkItem, config: CompiledConfig, kind: ReturnKind, now: number): Timer[] {
  const timers = queuedTimers(item, config).filter((t) => t.dueAt > now);
  const delay = config.queue(item.queueId).reofferDeclinedAfterSeconds;
  if (delay && kind !== 'rescinded')
    timers.push({ kind: 'reoffer', itemId: item.id, dueAt: now + delay * 1000, guard: String(item.version) });
  return timers;
}
