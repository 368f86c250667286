import type { Scenario } from '../scenario';
import { planningDay } from './day';
import type { GroupIntervalTime, QueueIntervalCounts } from './interval-statistics';
import type { DayReport } from './replications';

/** A mean over days with its 95% confidence interval (Student's t); `n` days had the measure defined. */
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

/** The 97.5% quantile of Student's t for 1 to 30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const tQuantile = (df: number) => T975[df - 1] ?? 1.96 + 2.4 / df;

export function estimate(values: readonly (number | null)[]): Estimate | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { mean: round(mean), low: round(mean), high: round(mean), n };
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = (tQuantile(n - 1) * sd) / Math.sqrt(n);
  return { mean: round(mean), low: round(mean - half), high: round(mean + half), n };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

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

function estimates(days: readonly ReturnType<typeof queueMeasures>[]): QueueIntervalEstimates {
  return {
    arrived: estimate(days.map((d) => d.arrived)),
    serviceLevel: estimate(days.map((d) => d.serviceLevel)),
    meanWaitSeconds: estimate(days.map((d) => d.meanWaitSeconds)),
    abandonRate: estimate(days.map((d) => d.abandonRate)),
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
          day: estimates(cells.map((c) => queueMeasures(sum(c)))),
          intervals: day.labels.map((_, i) => estimates(cells.map((c) => queueMeasures(c[i]!)))),
        },
      ];
    }),
  );
  const groups = Object.fromEntries(
    [...groupNames].map(([id, name]) => {
      const time = days.map((d) => d.intervals.groups[id] ?? ([] as GroupIntervalTime[]));
      const intervals: GroupIntervalEstimates[] = day.labels.map((_, i) => ({
        staffed: estimate(time.map((t) => t[i]?.staffed ?? 0)),
        occupancy: estimate(time.map((t) => ratio(t[i]?.busy ?? 0, t[i]?.staffed ?? 0))),
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
