import { configFromScenario } from '../build-config';
import type { Distribution, Scenario } from '../scenario';
import { planningDay, rateAt, timesOfStream } from './day';
import { fewestServers } from './erlang';
import type { CenterBuilder } from './file-center';
import type { PlanReport } from './plan-report';
import { replicatedPlan } from './replications';

/** What a staffing run aims for in every interval of every queue (`--staff-for 80/20`, `--max-abandon 5`). */
export interface StaffingTarget {
  readonly serviceLevel?: number;
  readonly serviceLevelSeconds: number;
  readonly maxAbandon?: number;
}

export interface StaffingOptions {
  readonly days: number;
  /** The center each candidate runs on: the scenario's inline groups (the default) or its contact-center file. */
  readonly build?: CenterBuilder;
  readonly store: 'dynamodb' | 'memory';
  /** Called after each evaluation of a candidate schedule. */
  readonly onRound?: (round: { phase: 'estimate' | 'add' | 'trim' | 'shifts'; reps: number; misses: number }) => void;
}

/** Reps per rep group (outer) per interval (inner). */
export type Staffing = number[][];

export function meanOf(d: Distribution): number {
  return d.distribution === 'uniform' ? (d.min + d.max) / 2 : d.mean;
}

/**
 * The rep groups that take an arrival's work, on a status with its queue's channel: skills work goes to whoever has
 * the skills it requires (additional ones drop, so they do not count), other work to the groups serving the queue.
 */
function groupsServingArrival(s: Scenario, a: Scenario['arrivals'][number]): number[] {
  const queue = s.queues?.find((q) => q.id === a.queue);
  const required = (a.skills ?? []).filter((r) => !r.additional);
  return (s.repGroups ?? []).flatMap((g, i) => {
    if (!queue || !g.status.includes(queue.channel)) return [];
    const serves = a.skills?.length
      ? required.every((r) => (g.skills[r.skill] ?? 0) >= r.minLevel)
      : g.queues.includes(a.queue);
    return serves ? [i] : [];
  });
}

/** The rep groups that take a queue's work (for where to add a rep where it misses). */
export function groupsServing(s: Scenario, queue: string): number[] {
  const groups = s.arrivals.filter((a) => a.queue === queue).flatMap((a) => groupsServingArrival(s, a));
  return [...new Set(groups)].sort((x, y) => x - y);
}

/** Items a rep of the group works at once on the queue: its capacity over the item's size. */
function slotsOf(s: Scenario, group: number, queue: string): number {
  const g = s.repGroups![group]!;
  const size = s.arrivals.find((a) => a.queue === queue)?.size ?? s.queues?.find((q) => q.id === queue)?.size;
  const units = !size ? g.capacity : 'units' in size ? size.units : (g.capacity * size.percentage) / 100;
  return Math.max(1, Math.floor(g.capacity / units));
}

/**
 * The starting point: each queue's load in each interval shared evenly among the groups that serve it, and each
 * group staffed by Erlang A (with patience) or Erlang C for its share, divided by the items a rep works at once.
 */
export function erlangEstimate(s: Scenario, target: StaffingTarget): Staffing {
  const day = planningDay(s);
  const groups = s.repGroups ?? [];
  return groups.map((_, g) =>
    day.labels.map((_l, i) => {
      const mid = day.start + (i + 0.5) * day.intervalMs;
      let lambda = 0;
      let work = 0;
      let patience = 0;
      let slots = Number.POSITIVE_INFINITY;
      for (const a of s.arrivals) {
        const serving = groupsServingArrival(s, a);
        if (!serving.includes(g)) continue;
        const rate = (rateAt(a, day, mid) * 1000) / serving.length;
        const times = timesOfStream(s, a, day)(mid);
        lambda += rate;
        work += rate * meanOf(times.handle);
        patience += rate * (times.patience ? meanOf(times.patience) : 0);
        if (rate > 0) slots = Math.min(slots, slotsOf(s, g, a.queue));
      }
      if (lambda === 0) return 0;
      const servers = fewestServers(
        { arrivalRate: lambda, meanHandleSeconds: work / lambda, meanPatienceSeconds: patience / lambda || undefined },
        target,
      );
      return Math.ceil(servers / slots);
    }),
  );
}

/** The (queue, interval) cells whose mean over the days misses a target. */
export function misses(report: PlanReport, target: StaffingTarget): { queue: string; interval: number }[] {
  const out: { queue: string; interval: number }[] = [];
  for (const [queue, q] of Object.entries(report.queues)) {
    q.intervals.forEach((c, interval) => {
      if (!c.arrived || c.arrived.mean === 0) return;
      const sl = c.serviceLevel?.mean ?? 0;
      const abandon = c.abandonRate?.mean ?? 0;
      const slMissed = target.serviceLevel !== undefined && sl < target.serviceLevel;
      if (slMissed || (target.maxAbandon !== undefined && abandon > target.maxAbandon)) out.push({ queue, interval });
    });
  }
  return out;
}

export const withStaffing = (s: Scenario, staffing: Staffing): Scenario => ({
  ...s,
  repGroups: s.repGroups?.map((g, i) => ({ ...g, staffing: staffing[i], shifts: undefined })),
});

/**
 * Finds the fewest reps per group per interval that meet the target on the scenario's own routing: from the
 * Erlang estimate, adds a rep where an interval misses (to the busiest group serving the queue), then takes one
 * away in alternate intervals where that interval and the next still meet it, confirming every change by
 * simulating the same days. A cell (group, interval) whose trim made a miss, or that a miss needed a rep added
 * to, is firm and not trimmed again, so the search ends instead of trading reps between groups.
 */
export async function staffFor(scenario: Scenario, target: StaffingTarget, options: StaffingOptions) {
  const s = { ...scenario, serviceLevelSeconds: target.serviceLevelSeconds };
  const evaluate = async (staffing: Staffing, phase: 'estimate' | 'add' | 'trim') => {
    const candidate = withStaffing(s, staffing);
    const { config, reps } = (options.build ?? configFromScenario)(candidate);
    const { report } = await replicatedPlan(candidate, config, reps, options);
    const missed = misses(report, target);
    options.onRound?.({ phase, reps: staffing.flat().reduce((a, b) => a + b, 0), misses: missed.length });
    return { report, missed };
  };
  const estimate = erlangEstimate(s, target);
  const firm = new Set<string>();
  let staffing = estimate.map((row) => [...row]);
  let current = await evaluate(staffing, 'estimate');
  const fix = async () => {
    for (let round = 0; round < 12 && current.missed.length; round++) {
      const next = staffing.map((row) => [...row]);
      const added = new Set<string>();
      for (const m of current.missed) {
        const g = busiest(current.report, groupsServing(s, m.queue), m.interval);
        const cell = `${g}/${m.interval}`;
        if (g === undefined || added.has(cell)) continue;
        added.add(cell);
        firm.add(cell);
        next[g]![m.interval]!++;
      }
      if (!added.size) break;
      staffing = next;
      current = await evaluate(staffing, 'add');
    }
    return current.missed.length === 0;
  };
  let met = await fix();
  for (let round = 0, trimmed = true; met && trimmed && round < 6; round++) {
    trimmed = false;
    for (const parity of [0, 1]) {
      const trimmable = (g: number, i: number, n: number) => i % 2 === parity && n > 0 && !firm.has(`${g}/${i}`);
      const trial = staffing.map((row, g) => row.map((n, i) => (trimmable(g, i, n) ? n - 1 : n)));
      if (same(trial, staffing)) continue;
      const tried = await evaluate(trial, 'trim');
      const kept = staffing.map((row, g) =>
        row.map((n, i) => {
          if (!trimmable(g, i, n)) return n;
          if (!causedMiss(s, g, i, tried.missed)) return n - 1;
          firm.add(`${g}/${i}`);
          return n;
        }),
      );
      if (same(kept, staffing)) continue;
      // Where every trim held, the trial already is the evaluation of the kept staffing.
      current = same(kept, trial) ? tried : await evaluate(kept, 'trim');
      staffing = kept;
      trimmed = true;
      met = await fix();
    }
  }
  return { staffing, estimate, report: current.report, met };
}

/** Whether a miss in interval i or the one after it falls on a queue whose work group g takes. */
function causedMiss(
  s: Scenario,
  g: number,
  i: number,
  missed: readonly { queue: string; interval: number }[],
): boolean {
  return missed.some((m) => (m.interval === i || m.interval === i + 1) && groupsServing(s, m.queue).includes(g));
}

const same = (a: Staffing, b: Staffing) => a.flat().join() === b.flat().join();

export function busiest(report: PlanReport, groups: readonly number[], interval: number): number | undefined {
  let best: number | undefined;
  let bestOccupancy = -1;
  for (const g of groups) {
    const occupancy = report.groups[`group-${g + 1}`]?.intervals[interval]?.occupancy?.mean ?? 1;
    if (occupancy > bestOccupancy) [best, bestOccupancy] = [g, occupancy];
  }
  return best;
}

export type StaffingResult = Awaited<ReturnType<typeof staffFor>>;
