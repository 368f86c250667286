import type { Timer } from '../routing/events';
import { applyDueRules, newlyRelaxed, queuedTimers } from '../routing/lifecycle';
import type { WorkItem } from '../routing/work-item';
import { callbackDue } from './callbacks';
import { itemWrite, RETRY, retrying } from './commit';
import { endWrapUp } from './complete-work';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { timeOutOffer } from './offer-responses';
import { requireItem } from './reads';
import { routeItem } from './route-item';
import { recordingMissing } from './voicemail';
import { workspaceClosed } from './workspace';

export type TimerDecision =
  | { readonly kind: 'fired'; readonly timer: Timer['kind']; readonly itemId: string }
  | { readonly kind: 'stale'; readonly timer: Timer['kind']; readonly itemId: string }
  | { readonly kind: 'rescheduled'; readonly timer: Timer['kind']; readonly itemId: string };

const targetGuard = (item: WorkItem) => `${item.queueId}@${item.targetSince}`;

/**
 * A timer came due. Timers may fire early, late or twice: each is checked against the item's current
 * state and the guard it was set with, and a stale one changes nothing.
 */
export async function fireTimer(deps: RouterDeps, timer: Timer): Promise<Outcome<TimerDecision>> {
  const fx = new Effects(deps);
  const stale = fx.outcome<TimerDecision>({ kind: 'stale', timer: timer.kind, itemId: timer.itemId });
  if (deps.clock.now() < timer.dueAt) {
    // Delivery granularity can run a timer a little early; acting now would break the rule it enforces.
    await deps.timers.schedule([timer]);
    return fx.outcome({ kind: 'rescheduled', timer: timer.kind, itemId: timer.itemId });
  }
  // What the timer ran is this timer's outcome: its events and the follow-ups it left (a re-offered call).
  const fired = (ran: Outcome<unknown>): Outcome<TimerDecision> => ({
    ...ran,
    decision: { kind: 'fired', timer: timer.kind, itemId: timer.itemId },
  });
  switch (timer.kind) {
    case 'pushTimeout': {
      const r = await timeOutOffer(deps, { itemId: timer.itemId, offerId: timer.guard });
      return r.decision.kind === 'stale' ? stale : fired(r);
    }
    case 'wrapUpEnd': {
      const r = await endWrapUp(deps, { itemId: timer.itemId, offerId: timer.guard });
      return r.decision.kind === 'stale' ? stale : fired(r);
    }
    case 'callbackDue': {
      const r = await callbackDue(deps, timer, fx);
      return r.decision.kind === 'stale' ? stale : fired(r);
    }
    case 'recordingDue': {
      const r = await recordingMissing(deps, timer);
      return r.decision.kind === 'stale' ? stale : fired(r);
    }
    case 'reoffer': {
      const r = await routeItem(deps, timer.itemId, fx);
      return r.decision.kind === 'notQueued' ? stale : fired(r);
    }
    case 'workspaceClosed': {
      const r = await workspaceClosed(deps, { repId: timer.itemId, closedAt: Number(timer.guard) });
      return r ? fired(r) : stale;
    }
    default:
      return (await applyTimedRules(deps, timer, fx)) ? fired(fx.outcome(undefined)) : stale;
  }
}

/** Overflow, fallback and additional-skill drops on a queued item, then a fresh routing attempt. */
async function applyTimedRules(deps: RouterDeps, timer: Timer, fx: Effects): Promise<boolean> {
  const applied = await retrying(timer.kind, async () => {
    const config = await deps.config.get();
    const now = deps.clock.now();
    const item = await requireItem(deps, timer.itemId);
    // An offered item applies its due rules when it returns to the queue; a changed target means a newer timer.
    if (item.state !== 'Queued' || targetGuard(item) !== timer.guard) return false;
    const due = applyDueRules(item, config, now);
    const dropped = newlyRelaxed(due.item, now);
    if (due.events.length === 0 && dropped.length === 0) return true;
    const next: WorkItem = dropped.length
      ? { ...due.item, relaxedSkills: [...due.item.relaxedSkills, ...dropped], version: item.version + 1 }
      : due.item;
    const events = [...due.events];
    if (dropped.length) events.push({ type: 'skills.relaxed', at: now, itemId: item.id, dropped });
    const timers = due.events.length ? queuedTimers(next, config).filter((t) => t.dueAt > now) : [];
    if (!(await fx.commit([itemWrite(next, item)], { events, timers }))) return RETRY;
    return true;
  });
  if (applied) await routeItem(deps, timer.itemId, fx);
  return applied;
}
