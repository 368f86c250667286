import type { CompiledConfig } from '../config/compiled-config';
import type { OfferExplanation } from '../routing/events';
import { applyDueRules, queuedTimers } from '../routing/lifecycle';
import type { RepState } from '../routing/rep';
import { chooseRep } from '../routing/selection';
import { offer } from '../routing/transitions';
import type { WorkItem } from '../routing/work-item';
import { candidatesFor, proves, replaced } from './candidates';
import { itemWrite, MAX_ATTEMPTS, repWrite } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { requireItem } from './reads';

export type RouteDecision =
  | {
      readonly kind: 'offered';
      readonly itemId: string;
      readonly repId: string;
      readonly offerId: string;
      readonly autoAccepted: boolean;
    }
  | {
      readonly kind: 'waiting';
      readonly itemId: string;
      readonly reason: 'noEligibleRep' | 'contention';
      readonly explanation?: OfferExplanation;
    }
  | { readonly kind: 'notQueued'; readonly itemId: string; readonly state: WorkItem['state'] };

/**
 * Push routing (semantics §6): offer a queued item to the best eligible rep now. `justWritten` is the item as the
 * caller has just committed it, which saves a read. Candidates come from an index
 * that may be slightly stale; the versioned commit on the rep is what guarantees capacity (semantics §1).
 */
export async function routeItem(
  deps: RouterDeps,
  itemId: string,
  fx = new Effects(deps),
  justWritten?: WorkItem,
): Promise<Outcome<RouteDecision>> {
  let attempts = 0;
  let known = justWritten;
  while (attempts < MAX_ATTEMPTS) {
    const config = await deps.config.get();
    let item = known ?? (await requireItem(deps, itemId));
    known = undefined;
    if (item.state !== 'Queued') return fx.outcome({ kind: 'notQueued', itemId, state: item.state });
    const retargeted = await fallBackIfPreferredRepAway(deps, config, item, deps.clock.now(), fx);
    if (retargeted === 'conflict') {
      attempts++;
      continue;
    }
    item = retargeted;
    let pick = await candidatesFor(deps, config, item, deps.clock.now());
    // Choose, offer; when only the chosen rep moved on, refresh that rep and choose again from the same reps.
    while (attempts++ < MAX_ATTEMPTS) {
      const now = deps.clock.now();
      const selection = chooseRep(item, pick.candidates, config, now);
      // A cached or already used read must prove its choice (or "nobody"); a fresh read holds the best by
      // construction.
      if (!pick.fresh && !proves(config, item, pick, selection)) {
        pick = await candidatesFor(deps, config, item, now, true);
        continue;
      }
      if (selection.kind === 'none') {
        return fx.outcome({ kind: 'waiting', itemId, reason: 'noEligibleRep', explanation: selection.explanation });
      }
      const { rep, pool, units, explanation } = selection;
      const state = rep.state as RepState & { sessionId: string };
      const offerId = deps.ids.next('offer');
      const t = offer({ item, rep: state, profile: rep.profile, pool, units, offerId, explanation }, config, now);
      const result = await fx.commitOrConflict([itemWrite(t.item, item), repWrite(config, t.rep!, state)], t);
      if (result.committed) {
        return fx.outcome({
          kind: 'offered',
          itemId,
          repId: state.repId,
          offerId,
          autoAccepted: t.item.state === 'Assigned',
        });
      }
      if (result.itemConflict) break;
      // A cached pick lost: the cache is behind other routers' offers in this group, and near full capacity its
      // next entries are as stale. One fresh read of the heads costs less than a refused commit and a rep read for
      // each of them (bench, nearFull: 2.6 transactions per arrival at 86-98% full without it).
      if (!pick.fresh) {
        pick = await candidatesFor(deps, config, item, deps.clock.now(), true);
        continue;
      }
      const latest = await deps.store.getRep(state.repId);
      if (latest) deps.candidates?.update(latest);
      pick = { ...pick, fresh: false, candidates: replaced(pick.candidates, state.repId, latest) };
    }
  }
  return fx.outcome({ kind: 'waiting', itemId, reason: 'contention' });
}

/**
 * The first offer for an item not yet stored, so that its create and its offer can be one transaction. Only for
 * queue and skills targets: direct work may first have to fall back (see fallBackIfPreferredRepAway).
 */
export async function offerOnArrival(
  deps: RouterDeps,
  config: CompiledConfig,
  item: WorkItem,
  now: number,
  fresh = false,
) {
  if (item.target.kind === 'rep') return undefined;
  let pick = await candidatesFor(deps, config, item, now, fresh);
  let selection = chooseRep(item, pick.candidates, config, now);
  if (!pick.fresh && !proves(config, item, pick, selection)) {
    pick = await candidatesFor(deps, config, item, now, true);
    selection = chooseRep(item, pick.candidates, config, now);
  }
  // Nobody eligible: the item is stored queued and routeItem decides afresh.
  if (selection.kind === 'none') return undefined;
  const before = selection.rep.state as RepState & { sessionId: string };
  const offerId = deps.ids.next('offer');
  const t = offer(
    {
      item,
      rep: before,
      profile: selection.rep.profile,
      pool: selection.pool,
      units: selection.units,
      offerId,
      explanation: selection.explanation,
    },
    config,
    now,
  );
  const decision: RouteDecision = {
    kind: 'offered',
    itemId: item.id,
    repId: before.repId,
    offerId,
    autoAccepted: t.item.state === 'Assigned',
  };
  return { ...t, rep: t.rep!, before, decision, fresh: pick.fresh };
}

/** Spec §6: a logged-out preferred rep means falling back at once, unless the rep is required. */
async function fallBackIfPreferredRepAway(
  deps: RouterDeps,
  config: CompiledConfig,
  item: WorkItem,
  now: number,
  fx: Effects,
): Promise<WorkItem | 'conflict'> {
  if (item.target.kind !== 'rep' || item.target.required) return item;
  const preferred = await deps.store.getRep(item.target.repId);
  const due = applyDueRules(item, config, now, preferred?.sessionId !== undefined);
  if (due.events.length === 0) return item;
  if (!(await fx.commit([itemWrite(due.item, item)], { events: due.events, timers: queuedTimers(due.item, config) })))
    return 'conflict';
  return due.item;
}
