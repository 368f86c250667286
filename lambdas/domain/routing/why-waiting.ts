import type { CompiledConfig } from '../config/compiled-config';
import { activeRequirements, assess, type IneligibleReason } from './eligibility';
import type { Candidate } from './selection';
import type { WorkItem } from './work-item';

/** Why a waiting item is not routed right now, as the router's own eligibility rules see the reps who could. */
export interface WhyWaiting {
  /** Reps considered: logged in with a routable status, in the groups that serve the queue or have the skills. */
  readonly considered: number;
  readonly eligible: number;
  readonly byReason: Partial<Record<IneligibleReason, number>>;
  /** For reps ruled out by skills: how many lack each requirement (`spanish ≥ 5`). */
  readonly missingSkills: Readonly<Record<string, number>>;
  /** One sentence for the backlog: "no eligible rep: 9 logged in, 6 at capacity, 2 lack spanish ≥ 5". */
  readonly summary: string;
}

const PHRASE: Record<IneligibleReason, (n: number) => string> = {
  loggedOut: (n) => `${n} logged out`,
  statusExcludesChannel: (n) => `${n} in a status without this channel`,
  noCapacity: (n) => `${n} at capacity`,
  notInQueue: (n) => `${n} not in this queue`,
  missingSkill: (n) => `${n} without the skills`,
  notPreferredRep: (n) => `${n} not the preferred rep`,
  declinedThisSession: (n) => `${n} declined it this session`,
  connectCannotDeliver: (n) => `${n} whom Amazon Connect cannot reach now (status, missed call, after-call work)`,
};

/** Assesses each candidate as a push would (semantics §6) and says, in counts, what keeps the item waiting. */
export function whyWaiting(
  item: WorkItem,
  candidates: readonly Candidate[],
  config: CompiledConfig,
  now: number,
): WhyWaiting {
  const byReason: Partial<Record<IneligibleReason, number>> = {};
  const missingSkills: Record<string, number> = {};
  let eligible = 0;
  for (const c of candidates) {
    const a = assess(item, c.profile, c.state, config, now);
    if (a.eligible) {
      eligible++;
      continue;
    }
    byReason[a.reason] = (byReason[a.reason] ?? 0) + 1;
    if (a.reason !== 'missingSkill' || item.target.kind !== 'skills') continue;
    const unmet = activeRequirements(item.target.requirements, item.targetSince, now).find(
      (r) => (c.profile.skills[r.skill] ?? 0) < r.minLevel,
    );
    if (unmet) {
      const key = `${unmet.skill} ≥ ${unmet.minLevel}`;
      missingSkills[key] = (missingSkills[key] ?? 0) + 1;
    }
  }
  const parts = (Object.entries(byReason) as [IneligibleReason, number][]).flatMap(([reason, n]) =>
    reason === 'missingSkill' && Object.keys(missingSkills).length
      ? Object.entries(missingSkills).map(([skill, m]) => `${m} lack ${skill}`)
      : [PHRASE[reason](n)],
  );
  const summary =
    candidates.length === 0
      ? 'no eligible rep: nobody who could take it is logged in with a status for it'
      : eligible > 0
        ? `${eligible} eligible now: it is offered on the next attempt`
        : `no eligible rep: ${candidates.length} logged in, ${parts.join(', ')}`;
  return { considered: candidates.length, eligible, byReason, missingSkills, summary };
}
