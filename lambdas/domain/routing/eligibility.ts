import type { CompiledConfig, RepProfile } from '../config/compiled-config';
import type { WorkSize } from '../config/schema';
import type { RepState } from './rep';
import type { CapacityPool, SkillRequirement, WorkItem } from './work-item';

export type IneligibleReason =
  | 'loggedOut'
  | 'statusExcludesChannel'
  | 'noCapacity'
  | 'notInQueue'
  | 'missingSkill'
  | 'notPreferredRep'
  | 'declinedThisSession'
  | 'connectCannotDeliver';

export type Assessment =
  | { readonly eligible: true; readonly pool: CapacityPool; readonly units: number; readonly free: number }
  | { readonly eligible: false; readonly reason: IneligibleReason };

/** Requirements still in force: additional ones are dropped `dropAfterSeconds` after the target was set (§6). */
export function activeRequirements(requirements: readonly SkillRequirement[], targetSince: number, now: number) {
  return requirements.filter((r) => !r.additional || now < targetSince + (r.dropAfterSeconds ?? 0) * 1000);
}

export const hasSkills = (rep: RepProfile, requirements: readonly SkillRequirement[]) =>
  requirements.every((r) => (rep.skills[r.skill] ?? 0) >= r.minLevel);

export const poolLimit = (rep: RepProfile, pool: CapacityPool) =>
  pool === 'primary' ? rep.presence.capacity : rep.presence.interruptibleCapacity;

/** The rep's capacity in both pools: what its writes are bounded by and its availability keys built from. */
export const limitsOf = (rep: RepProfile): Record<CapacityPool, number> => ({
  primary: poolLimit(rep, 'primary'),
  interruptible: poolLimit(rep, 'interruptible'),
});

/** Units of the given size in a pool of this rep; a call takes all of primary capacity (Respect Rep Capacity). */
export function unitsOf(size: WorkSize, channel: string, pool: CapacityPool, rep: RepProfile): number {
  const limit = poolLimit(rep, pool);
  if (channel === 'voice') return limit;
  return 'units' in size ? size.units : Math.ceil((size.percentage / 100) * limit);
}

/** Units the item takes from this rep, and from which pool (semantics §4). */
export function sizeFor(
  item: WorkItem,
  rep: RepProfile,
  config: CompiledConfig,
): { pool: CapacityPool; units: number } {
  const pool: CapacityPool = item.interruptible ? 'interruptible' : 'primary';
  return { pool, units: unitsOf(item.size ?? config.queue(item.queueId).size, item.channel, pool, rep) };
}

function targetReason(item: WorkItem, rep: RepProfile, now: number): IneligibleReason | undefined {
  const target = item.target;
  switch (target.kind) {
    case 'queue':
      return rep.queues.includes(item.queueId) ? undefined : 'notInQueue';
    case 'skills':
      return hasSkills(rep, activeRequirements(target.requirements, item.targetSince, now))
        ? undefined
        : 'missingSkill';
    case 'rep':
      return rep.id === target.repId ? undefined : 'notPreferredRep';
  }
}

function isExcluded(item: WorkItem, state: RepState, config: CompiledConfig, now: number): boolean {
  const reofferAfter = config.queue(item.queueId).reofferDeclinedAfterSeconds;
  return item.exclusions.some(
    (e) =>
      e.repId === state.repId &&
      e.sessionId === state.sessionId &&
      (reofferAfter === undefined || now < e.at + reofferAfter * 1000),
  );
}

/** Spec §6: every condition for offering this item to this rep now. */
export function assess(
  item: WorkItem,
  rep: RepProfile,
  state: RepState,
  config: CompiledConfig,
  now: number,
): Assessment {
  if (state.sessionId === undefined) return { eligible: false, reason: 'loggedOut' };
  if (!state.statusChannels.includes(item.channel)) return { eligible: false, reason: 'statusExcludesChannel' };
  const reason = targetReason(item, rep, now);
  if (reason) return { eligible: false, reason };
  if (isExcluded(item, state, config, now)) return { eligible: false, reason: 'declinedThisSession' };
  // A call (or a callback's dial) reaches the rep only through Connect: never offer one Connect cannot deliver.
  if (state.voiceBlock && (item.channel === 'voice' || item.channel === 'callback'))
    return { eligible: false, reason: 'connectCannotDeliver' };
  const { pool, units } = sizeFor(item, rep, config);
  const free = poolLimit(rep, pool) - state.used[pool];
  if (units > free) return { eligible: false, reason: 'noCapacity' };
  return { eligible: true, pool, units, free };
}
