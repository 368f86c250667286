import type { CompiledConfig, RepProfile } from '../config/compiled-config';
import type { WaitPartition } from '../ports';
import { assess, poolLimit, unitsOf } from '../routing/eligibility';
import { POOLS, type RepState } from '../routing/rep';
import { singleRepExplanation } from '../routing/selection';
import { offer } from '../routing/transitions';
import type { WorkItem } from '../routing/work-item';
import { itemWrite, MAX_ATTEMPTS, repWrite } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { repState } from './reads';
import { mergeWaiting } from './waiting-merge';

/** Bounds one pull: how many waiting items it may look at before leaving the rest to later triggers. */
const MAX_EXAMINED = 50;
/** How far ahead a rep that lost an item may jump (see herdSpread). */
const HERD_SPREAD = 4;

export type FindWorkDecision = {
  readonly kind: 'pulled';
  readonly repId: string;
  readonly offers: ReadonlyArray<{ readonly itemId: string; readonly offerId: string }>;
};

/**
 * The waiting lists a rep can take from: queues served, skills work on channels the status allows, direct work.
 * A queue whose work size no longer fits the rep's free capacity is skipped (its items carry the queue's size
 * unless overridden), so a full rep costs no reads.
 */
export function partitionsFor(profile: RepProfile, rep: RepState, config: CompiledConfig): WaitPartition[] {
  const open = config.queuesForChannels(rep.statusChannels).filter((q) => {
    const pool = config.channel(q.channel).interruptible ? 'interruptible' : 'primary';
    return unitsOf(q.size, q.channel, pool, profile) <= poolLimit(profile, pool) - rep.used[pool];
  });
  return [
    ...open.filter((q) => profile.queues.includes(q.id)).map((q): WaitPartition => ({ kind: 'queue', queueId: q.id })),
    ...open.filter((q) => q.skillsRouting !== false).map((q): WaitPartition => ({ kind: 'skills', queueId: q.id })),
    { kind: 'rep', repId: rep.repId },
  ];
}

/**
 * Pull routing (semantics §5): a rep who freed capacity is offered the first eligible items across every queue
 * they serve, until nothing more fits.
 */
export async function findWorkForRep(
  deps: RouterDeps,
  repId: string,
  fx = new Effects(deps),
): Promise<Outcome<FindWorkDecision>> {
  const offers: { itemId: string; offerId: string }[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const config = await deps.config.get();
    const profile = config.rep(repId);
    const rep = await repState(deps, config, repId);
    if (rep.sessionId === undefined || rep.statusChannels.length === 0) break;
    const pass = await offerWhatFits(deps, config, profile, rep as RepState & { sessionId: string }, fx);
    offers.push(...pass.offers);
    if (!pass.repChanged) break;
  }
  return fx.outcome({ kind: 'pulled', repId, offers });
}

const usablePools = (config: CompiledConfig) =>
  config.usesInterruptiblePool ? POOLS : POOLS.filter((p) => p === 'primary');

/**
 * Reps freed at the same moment all reach for the same queue head; each loss would repeat on the next item.
 * After losing one, a rep jumps a small rep-dependent distance ahead, so a herd fans out. Uncontended, the
 * order of semantics §5 is kept exactly; contended, strict order across simultaneous pulls is not defined anyway.
 */
function herdSpread(repId: string, losses: number): number {
  let h = losses;
  for (let i = 0; i < repId.length; i++) h = (h * 31 + repId.charCodeAt(i)) >>> 0;
  return h % HERD_SPREAD;
}

/**
 * One ordered pass over the rep's waiting lists, offering every item that fits. After each offer the committed
 * rep state is exact (its presence guard and capacity bounds held), so the pass goes on without re-reading.
 * Items skipped after a lost race are tried at the end, so the rep never stays idle next to work it could take.
 */
async function offerWhatFits(
  deps: RouterDeps,
  config: CompiledConfig,
  profile: RepProfile,
  start: RepState & { sessionId: string },
  fx: Effects,
): Promise<{ offers: { itemId: string; offerId: string }[]; repChanged: boolean }> {
  const now = deps.clock.now();
  const offers: { itemId: string; offerId: string }[] = [];
  let rep = start;
  let lost = 0;
  let skip = 0;
  const skipped: WorkItem[] = [];
  const tryOffer = async (item: WorkItem): Promise<'offered' | 'ineligible' | 'taken' | 'repChanged'> => {
    const a = assess(item, profile, rep, config, now);
    if (!a.eligible) return 'ineligible';
    const offerId = deps.ids.next('offer');
    const explanation = singleRepExplanation(config, item.queueId);
    const t = offer({ item, rep, profile, pool: a.pool, units: a.units, offerId, explanation }, config, now);
    const result = await fx.commitOrConflict([itemWrite(t.item, item), repWrite(config, t.rep!, rep)], t);
    if (!result.committed) return result.repConflict ? 'repChanged' : 'taken';
    offers.push({ itemId: item.id, offerId });
    rep = t.rep as RepState & { sessionId: string };
    return 'offered';
  };
  let examined = 0;
  for await (const item of mergeWaiting(deps.store, partitionsFor(profile, rep, config), config, now)) {
    if (++examined > MAX_EXAMINED) break;
    if (skip > 0 && assess(item, profile, rep, config, now).eligible) {
      skip--;
      skipped.push(item);
      continue;
    }
    const outcome = await tryOffer(item);
    if (outcome === 'repChanged') return { offers, repChanged: true };
    // A full rep can take nothing more: reading further pages would only find items that do not fit.
    if (outcome === 'offered' && usablePools(config).every((pool) => poolLimit(profile, pool) - rep.used[pool] <= 0))
      break;
    // Another rep took this item: go on, fanning out (see herdSpread).
    if (outcome === 'taken') skip = herdSpread(rep.repId, ++lost);
  }
  for (const item of skipped) {
    // Most skipped items went to the herd meanwhile: a read is cheaper than a transaction bound to fail.
    const fresh = await deps.store.getItem(item.id);
    if (fresh?.state === 'Queued' && (await tryOffer(fresh)) === 'repChanged') return { offers, repChanged: true };
  }
  return { offers, repChanged: false };
}
