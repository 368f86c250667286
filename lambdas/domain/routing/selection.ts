import type { CompiledConfig, RepProfile } from '../config/compiled-config';
import { hash32, idleSecond, RING_WINDOW, ringDistance } from './availability';
import type { Assessment, IneligibleReason } from './eligibility';
import { assess } from './eligibility';
import type { OfferExplanation } from './events';
import type { RepState } from './rep';
import type { CapacityPool, WorkItem } from './work-item';

const MAX_LISTED = 10;

export interface Candidate {
  readonly profile: RepProfile;
  readonly state: RepState;
}

export type Selection =
  | {
      readonly kind: 'chosen';
      readonly rep: Candidate;
      readonly pool: CapacityPool;
      readonly units: number;
      readonly explanation: OfferExplanation;
    }
  | { readonly kind: 'none'; readonly explanation: OfferExplanation };

type Scored = { candidate: Candidate; assessment: Extract<Assessment, { eligible: true }> };

/** The explanation of an offer made to one rep chosen by name (a pull, a transfer): one considered, one eligible. */
export function singleRepExplanation(config: CompiledConfig, queueId: string): OfferExplanation {
  return {
    considered: 1,
    eligible: 1,
    routingModel: config.queue(queueId).routingModel,
    ineligibleByReason: {},
    ineligible: [],
  };
}

/**
 * Spec §6: MostAvailable = most free capacity in the item's pool; LeastActive = fewest active items. Ties: longest
 * idle in whole seconds, then the ring (tieWinner): deterministic for a given state.
 */
export function chooseRep(
  item: WorkItem,
  candidates: readonly Candidate[],
  config: CompiledConfig,
  now: number,
): Selection {
  const model = config.queue(item.queueId).routingModel;
  const eligible: Scored[] = [];
  const byReason: Partial<Record<IneligibleReason, number>> = {};
  const listed: { repId: string; reason: IneligibleReason }[] = [];
  for (const candidate of candidates) {
    const a = assess(item, candidate.profile, candidate.state, config, now);
    if (a.eligible) {
      eligible.push({ candidate, assessment: a });
      continue;
    }
    byReason[a.reason] = (byReason[a.reason] ?? 0) + 1;
    if (listed.length < MAX_LISTED) listed.push({ repId: candidate.profile.id, reason: a.reason });
  }
  const explanation: OfferExplanation = {
    considered: candidates.length,
    eligible: eligible.length,
    routingModel: model,
    ineligibleByReason: byReason,
    ineligible: listed,
  };
  if (eligible.length === 0) return { kind: 'none', explanation };
  const best = tieWinner(eligible, model, item.id);
  return { kind: 'chosen', rep: best.candidate, pool: best.assessment.pool, units: best.assessment.units, explanation };
}

/** Better score, then longer idle in whole seconds: reps equal on both are tied. */
function compareScore(x: Scored, y: Scored, model: 'MostAvailable' | 'LeastActive'): number {
  const primary =
    model === 'MostAvailable'
      ? y.assessment.free - x.assessment.free
      : x.candidate.state.activeItems - y.candidate.state.activeItems;
  if (primary !== 0) return primary;
  return idleSecond(x.candidate.state.lastOfferAt) - idleSecond(y.candidate.state.lastOfferAt);
}

/**
 * Among the best-scored reps, the RING_WINDOW nearest round the ring from the item's entry point (ties there by
 * rep id), and of those the one the item's hash with the rep ranks first: racing routers with different items
 * land on different reps even where the ring has gaps, and the choice stays deterministic for a given state.
 */
function tieWinner(eligible: Scored[], model: 'MostAvailable' | 'LeastActive', itemId: string): Scored {
  const top = eligible.reduce((b, s) => (compareScore(s, b, model) < 0 ? s : b));
  const tied = eligible.filter((s) => compareScore(s, top, model) === 0);
  if (tied.length === 1) return top;
  const id = (s: Scored) => s.candidate.profile.id;
  const near = tied
    .map((s) => ({ s, d: ringDistance(itemId, id(s)) }))
    .sort((a, b) => a.d - b.d || (id(a.s) < id(b.s) ? -1 : 1))
    .slice(0, RING_WINDOW)
    .map(({ s }) => ({ s, rank: hash32(`${itemId}\u0000${id(s)}`) }));
  return near.reduce((b, c) => (c.rank > b.rank || (c.rank === b.rank && id(c.s) < id(b.s)) ? c : b)).s;
}
