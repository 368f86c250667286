import type { CompiledConfig, RepProfile } from '../config/compiled-config';
import { idleSecond, ringDistance } from './availability';
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
 * idle in whole seconds, then the ring (availability.ts), then rep id: deterministic for a given state.
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
  const best = eligible.reduce((b, s) => (compareScored(s, b, model, item.id) < 0 ? s : b));
  return { kind: 'chosen', rep: best.candidate, pool: best.assessment.pool, units: best.assessment.units, explanation };
}

function compareScored(x: Scored, y: Scored, model: 'MostAvailable' | 'LeastActive', itemId: string): number {
  const primary =
    model === 'MostAvailable'
      ? y.assessment.free - x.assessment.free
      : x.candidate.state.activeItems - y.candidate.state.activeItems;
  if (primary !== 0) return primary;
  const idle = idleSecond(x.candidate.state.lastOfferAt) - idleSecond(y.candidate.state.lastOfferAt);
  if (idle !== 0) return idle;
  // Equally good reps: each item enters the ring at its own point, so racing routers pick different reps.
  const ring = ringDistance(itemId, x.candidate.profile.id) - ringDistance(itemId, y.candidate.profile.id);
  if (ring !== 0) return ring;
  return x.candidate.profile.id < y.candidate.profile.id ? -1 : 1;
}
