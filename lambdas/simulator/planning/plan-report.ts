import type { Scenario } from '../scenario';
import { INTERVAL_METHOD, nonNegativeInterval, proportionInterval } from './bounded-intervals';
import { planningDay } from './day';
import type { GroupIntervalTime, QueueIntervalCounts } from './interval-statistics';
import type { DayReport } from './replications';

/** A mean over days with its 95% interval (bounded-intervals.ts); `n` days had the measure defined. */
export interface Estimate {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

export interface QueueIntervalEstimates {
  readonly arrived: Estimate | null;
  readonly serviceLevel: Estimate | null;
  readonly meanWaitSeconds: Estimate | null;
  readonly abandonRate: Estimate | null;
}

export interface GroupIntervalEstimates {
  /** Reps present (available, or finishing work) on average over the interval. */
  readonly staffed: Estimate | null;
  readonly occupancy: Estimate | null;
}

/** A quantity that cannot be negative (a count, a wait, reps): the mean, and an interval that stays at or above 0. */
export function estimate(values: readonly (number | null)[]): Estimate | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const [low, high] = nonNegativeInterval(xs);
  return { mean: round(mean), low: round(low), high: round(high), n: xs.length };
}

/** A proportion: `x` of `n` on each day where it is defined (n > 0), or only its value (occupancy). */
export function estimateShare(days: readonly ({ x: number; n: number } | { p: number } | null)[]): Estimate | null {
  const defined = days.flatMap((d) =>
    d === null ? [] : 'p' in d ? (Number.isFinite(d.p) ? [{ p: d.p }] : []) : d.n > 0 ? [{ ...d, p: d.x / d.n }] : [],
  );
  if (defined.length === 0) return null;
  const mean = defined.reduce((s, d) => s + d.p, 0) / defined.length;
  const [low, high] = proportionInterval(defined);
  return { mean: round(mean), low: round(low), high: round(high), n: defined.length };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
const shareOf = (p: number | null) => (p === null ? null : { p: Math.min(1, Math.max(0, p)) });

function queueMeasures(c: QueueIntervalCounts) {
  return {
    arrived: c.arrived,
    serviceLevel: ratio(c.withinServiceLevel, c.answered),
    meanWaitSeconds: ratio(c.waitMs / 1000, c.answered),
    abandonRate: ratio(c.abandoned, c.arrived),
  };
}

const sum = (cells: readonly QueueIntervalCounts[]): QueueIntervalCounts =>
  cells.reduce(
    (t, c) => ({
      arrived: t.arrived + c.arrived,
      answered: t.answered + c.answered,
      abandoned: t.abandoned + c.abandoned,
      abandonedAfterServiceLevel: t.abandonedAfterServiceLevel + c.abandonedAfterServiceLevel,
      withinServiceLevel: t.withinServiceLevel + c.withinServiceLevel,
      waitMs: t.waitMs + c.waitMs,
    }),
    { arrived: 0, answered: 0, abandoned: 0, abandonedAfterServiceLevel: 0, withinServiceLevel: 0, waitMs: 0 },
  );

function estimates(days: readonly QueueIntervalCounts[]): QueueIntervalEstimates {
  return {
    arrived: estimate(days.map((c) => c.arrived)),
    serviceLevel: estimateShare(days.map((c) => ({ x: c.withinServiceLevel, n: c.answered }))),
    meanWaitSeconds: estimate(days.map((c) => queueMeasures(c).meanWaitSeconds)),
    abandonRate: estimateShare(days.map((c) => ({ x: c.abandoned, n: c.arrived }))),
  };
}

/** The planning report: every measure per queue and per interval as a mean over the days with a 95% interval. */
export function planReport(scenario: Scenario, groupNames: ReadonlyMap<string, string>, days: readonly DayReport[]) {
  const day = planningDay(scenario);
  const queueIds = Object.keys(days[0]?.intervals.queues ?? {});
  const queues = Object.fromEntries(
    queueIds.map((q) => {
      const cells = days.map((d) => d.intervals.queues[q]!);
      return [
        q,
        {
          day: estimates(cells.map((c) => sum(c))),
          intervals: day.labels.map((_, i) => estimates(cells.map((c) => c[i]!))),
        },
      ];
    }),
  );
  const groups = Object.fromEntries(
    [...groupNames].map(([id, name]) => {
      const time = days.map((d) => d.intervals.groups[id] ?? ([] as GroupIntervalTime[]));
      const intervals: GroupIntervalEstimates[] = day.labels.map((_, i) => ({
        staffed: estimate(time.map((t) => t[i]?.staffed ?? 0)),
        occupancy: estimateShare(time.map((t) => shareOf(ratio(t[i]?.busy ?? 0, t[i]?.staffed ?? 0)))),
      }));
      return [id, { name, intervals }];
    }),
  );
  const invariants = { capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0 };
  for (const d of days)
    for (const k of Object.keys(invariants) as (keyof typeof invariants)[]) invariants[k] += d.invariants[k];
  return {
    scenario: scenario.name,
    days: days.length,
    dayStart: scenario.dayStart,
    intervalMinutes: scenario.intervalMinutes,
    serviceLevelSeconds: scenario.serviceLevelSeconds,
    intervals: day.labels,
    busyness: estimate(days.map((d) => d.busyness)),
    intervalMethod: INTERVAL_METHOD,
    queues,
    groups,
    invariants,
  };
}

export type PlanReport = ReturnType<typeof planReport>;

/**
 * The queues that had arrivals, and the names of those that had none: a scenario on a whole contact-center file
 * sends work to a few of its queues, and the reports show those, naming the rest on one line.
 */
export function queuesWithWork(report: PlanReport) {
  const all = Object.entries(report.queues);
  const worked = all.filter(([, q]) => (q.day.arrived?.mean ?? 0) > 0);
  return { worked, idle: all.filter(([, q]) => (q.day.arrived?.mean ?? 0) === 0).map(([id]) => id) };
}

const round = (x: number) => Math.round(x * 10000) / 10000;
