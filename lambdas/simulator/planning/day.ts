import type { Arrival, Distribution, Scenario } from '../scenario';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Simulated days start on this UTC date (a Monday); the scenario's `dayStart` is the time of day. */
const FIRST_DAY = Date.UTC(2026, 0, 5);

/** The planning day of a scenario: when it starts, and its intervals. */
export interface PlanningDay {
  readonly start: number;
  readonly intervalMs: number;
  readonly count: number;
  /** Each interval's start as a time of day, `HH:MM`. */
  readonly labels: readonly string[];
}

type DayShape = Pick<Scenario, 'dayStart' | 'intervalMinutes' | 'durationMinutes'>;

export const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
/** Minutes from midnight as a time of day `HH:MM` (past midnight wraps round). */
export const clockOf = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function planningDay(s: DayShape): PlanningDay {
  const count = Math.ceil(s.durationMinutes / s.intervalMinutes);
  const first = minutesOf(s.dayStart);
  return {
    start: FIRST_DAY + first * MINUTE,
    intervalMs: s.intervalMinutes * MINUTE,
    count,
    labels: Array.from({ length: count }, (_, i) => clockOf(first + i * s.intervalMinutes)),
  };
}

/** A time of day as milliseconds after the day's start; times before `dayStart` belong to the night after it. */
export function offsetOf(s: Pick<Scenario, 'dayStart'>, clock: string): number {
  return ((((minutesOf(clock) - minutesOf(s.dayStart)) % 1440) + 1440) % 1440) * MINUTE;
}

export function intervalAt(day: PlanningDay, at: number): number {
  return Math.floor((at - day.start) / day.intervalMs);
}

/** Arrivals per millisecond of a stream at a moment (before a day multiplier); 0 outside its intervals. */
export function rateAt(a: Arrival, day: PlanningDay, at: number): number {
  if (a.perHour !== undefined) return a.perHour / 3_600_000;
  const i = intervalAt(day, at);
  return (a.perInterval?.[i] ?? 0) / day.intervalMs;
}

/** The end of the piece of constant rate that contains `at`. */
export function rateChangeAfter(a: Arrival, day: PlanningDay, at: number): number {
  if (a.perHour !== undefined) return Number.POSITIVE_INFINITY;
  const i = intervalAt(day, at);
  return i >= day.count ? Number.POSITIVE_INFINITY : day.start + (i + 1) * day.intervalMs;
}

/** A stream's handle and patience distributions by moment of arrival; its changes are sorted once, here. */
export function timesOfStream(
  s: Pick<Scenario, 'dayStart'>,
  a: Arrival,
  day: PlanningDay,
): (at: number) => { handle: Distribution; patience: Distribution | undefined } {
  const changes = (a.byInterval ?? [])
    .map((c) => ({ ...c, offset: offsetOf(s, c.from) }))
    .sort((x, y) => x.offset - y.offset);
  return (at) => {
    let handle = a.handleSeconds;
    let patience = a.patienceSeconds;
    const since = (at - day.start) % DAY;
    for (const c of changes) {
      if (c.offset > since) break;
      handle = c.handleSeconds ?? handle;
      patience = c.patienceSeconds ?? patience;
    }
    return { handle, patience };
  };
}

/** Checks the parts of a scenario that are about the day: interval lengths, rates and schedules. */
export function planningProblems(s: Scenario): string[] {
  const day = planningDay(s);
  const problems: string[] = [];
  s.arrivals.forEach((a, i) => {
    if ((a.perHour === undefined) === (a.perInterval === undefined))
      problems.push(`arrivals[${i}].perHour: give exactly one of perHour and perInterval`);
    if (a.perInterval && a.perInterval.length !== day.count)
      problems.push(
        `arrivals[${i}].perInterval: needs ${day.count} values (one per ${s.intervalMinutes}-minute interval)`,
      );
  });
  return [
    ...problems,
    ...(s.repGroups ?? []).flatMap((g, i) => scheduleProblems(s, day, g, `repGroups[${i}]`, g.count)),
    ...(s.groupStaffing ?? []).flatMap((g, i) => scheduleProblems(s, day, g, `groupStaffing[${i}]`)),
  ];
}

type GroupSchedule = Pick<NonNullable<Scenario['repGroups']>[number], 'staffing' | 'shifts'>;

/** A group's staffing (one value per interval) or shifts (breaks within them; no more reps than it has). */
function scheduleProblems(s: Scenario, day: PlanningDay, g: GroupSchedule, path: string, count?: number): string[] {
  const problems: string[] = [];
  if (g.staffing && g.shifts) problems.push(`${path}.staffing: give staffing or shifts, not both`);
  if (g.staffing && g.staffing.length !== day.count)
    problems.push(`${path}.staffing: needs ${day.count} values (one per ${s.intervalMinutes}-minute interval)`);
  g.shifts?.forEach((shift, j) => {
    const start = offsetOf(s, shift.start);
    const end = offsetOf(s, shift.end) || DAY;
    if (end <= start) problems.push(`${path}.shifts[${j}].end: must be after start`);
    shift.breaks.forEach((b, k) => {
      const at = offsetOf(s, b.start);
      if (at < start || at + b.minutes * MINUTE > end)
        problems.push(`${path}.shifts[${j}].breaks[${k}]: must lie within the shift`);
    });
  });
  const shiftReps = (g.shifts ?? []).reduce((n, shift) => n + shift.reps, 0);
  if (count !== undefined && shiftReps > count)
    problems.push(`${path}.shifts: ${shiftReps} reps on shifts, more than count`);
  return problems;
}
