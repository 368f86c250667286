import type { StatisticsObserver } from '../statistics';
import { intervalAt, type PlanningDay } from './day';

/** One queue's counts for the items that arrived in one interval (the planners' convention). */
export interface QueueIntervalCounts {
  arrived: number;
  answered: number;
  abandoned: number;
  /** Abandoned after waiting longer than the service-level threshold (some planners count these as missed calls). */
  abandonedAfterServiceLevel: number;
  withinServiceLevel: number;
  waitMs: number;
}

/** One group's rep time in one interval, in rep-intervals: present (available or working) and busy. */
export interface GroupIntervalTime {
  staffed: number;
  busy: number;
}

/** One simulated day by interval. */
export interface DayIntervals {
  readonly queues: Record<string, QueueIntervalCounts[]>;
  readonly groups: Record<string, GroupIntervalTime[]>;
}

/**
 * Buckets a day's measures by interval: waits, service level and abandonment by the interval the item arrived in;
 * staffed and busy rep time split exactly at interval boundaries.
 */
export class IntervalStatistics implements StatisticsObserver {
  private readonly queues = new Map<string, QueueIntervalCounts[]>();
  private readonly groups = new Map<string, { time: GroupIntervalTime[]; staffed: number; busy: number; at: number }>();
  private readonly reps = new Map<string, { busy: number; present: boolean }>();

  constructor(
    private readonly day: PlanningDay,
    private readonly serviceLevelMs: number,
    queues: readonly string[],
    private readonly groupOf: (repId: string) => string,
  ) {
    const blankQueue = () => ({
      arrived: 0,
      answered: 0,
      abandoned: 0,
      abandonedAfterServiceLevel: 0,
      withinServiceLevel: 0,
      waitMs: 0,
    });
    for (const q of queues) this.queues.set(q, Array.from({ length: day.count }, blankQueue));
  }

  private cell(queue: string, at: number): QueueIntervalCounts | undefined {
    return this.queues.get(queue)?.[intervalAt(this.day, at)];
  }

  arrived(queue: string, at: number): void {
    const c = this.cell(queue, at);
    if (c) c.arrived++;
  }

  answered(queue: string, arrivedAt: number, waitMs: number): void {
    const c = this.cell(queue, arrivedAt);
    if (!c) return;
    c.answered++;
    c.waitMs += waitMs;
    if (waitMs <= this.serviceLevelMs) c.withinServiceLevel++;
  }

  abandoned(queue: string, arrivedAt: number, waitMs: number): void {
    const c = this.cell(queue, arrivedAt);
    if (!c) return;
    c.abandoned++;
    if (waitMs > this.serviceLevelMs) c.abandonedAfterServiceLevel++;
  }

  /** Staffed and busy time, as `Statistics` tracks them; an arrow, so it can be handed on as a callback. */
  readonly used = (repId: string, busy: number, present: boolean, at: number): void => {
    const before = this.reps.get(repId) ?? { busy: 0, present: false };
    const g = this.group(this.groupOf(repId), at);
    g.staffed += Number(present) - Number(before.present);
    g.busy += busy - before.busy;
    this.reps.set(repId, { busy, present });
  };

  /** The group's running totals, with its time so far added into the interval buckets. */
  private group(id: string, at: number) {
    let g = this.groups.get(id);
    if (!g) {
      g = { time: Array.from({ length: this.day.count }, () => ({ staffed: 0, busy: 0 })), staffed: 0, busy: 0, at };
      this.groups.set(id, g);
    }
    this.advance(g, at);
    return g;
  }

  private advance(g: { time: GroupIntervalTime[]; staffed: number; busy: number; at: number }, to: number): void {
    const { start, intervalMs, count } = this.day;
    let from = Math.max(g.at, start);
    const end = Math.min(to, start + count * intervalMs);
    while (from < end) {
      const i = intervalAt(this.day, from);
      const until = Math.min(end, start + (i + 1) * intervalMs);
      const slot = g.time[i]!;
      slot.staffed += ((until - from) / intervalMs) * g.staffed;
      slot.busy += ((until - from) / intervalMs) * g.busy;
      from = until;
    }
    g.at = Math.max(g.at, to);
  }

  report(until: number): DayIntervals {
    for (const g of this.groups.values()) this.advance(g, until);
    return {
      queues: Object.fromEntries(this.queues),
      groups: Object.fromEntries([...this.groups].map(([id, g]) => [id, g.time])),
    };
  }
}
