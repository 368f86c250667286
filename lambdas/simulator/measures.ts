import type { CompiledConfig } from '../domain/config/compiled-config';
import type { PlanningDay } from './planning/day';
import { IntervalStatistics } from './planning/interval-statistics';
import type { Scenario } from './scenario';
import { Statistics } from './statistics';

/** The run's measures: the whole-run statistics, which also feed the same items and rep time by interval. */
export function measuresFor(scenario: Scenario, config: CompiledConfig, day: PlanningDay) {
  const queueIds = config.raw.queues.map((q) => q.id);
  const serviceLevelMs = scenario.serviceLevelSeconds * 1000;
  const intervals = new IntervalStatistics(day, serviceLevelMs, queueIds, (repId) => config.rep(repId).group);
  const stats = new Statistics(
    day.start + scenario.warmupMinutes * 60_000,
    serviceLevelMs,
    new Map([...config.reps.values()].map((r) => [r.id, r.presence.capacity])),
    queueIds,
    (statusId) => config.status(statusId).channels.length > 0,
    intervals,
  );
  return { stats, intervals };
}
