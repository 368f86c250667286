import { textTable } from '../report-format';
import { type Estimate, type PlanReport, queuesWithWork } from './plan-report';
import type { ScheduleFile } from './schedule-file';

const p1 = (x: number) => (x * 100).toFixed(1);
const pct = (e: Estimate | null) => (e ? `${p1(e.mean)}% (${p1(e.low)}–${p1(e.high)})` : '–');
const num = (e: Estimate | null) => (e ? `${e.mean.toFixed(1)} (${e.low.toFixed(1)}–${e.high.toFixed(1)})` : '–');

/** The planning report for a terminal: per queue and per group, each interval's mean and its 95% interval. */
export function formatPlan(r: PlanReport, schedule?: ScheduleFile): string {
  const out = [`${r.scenario}: ${r.days} day(s), ${r.intervalMinutes}-minute intervals from ${r.dayStart}`];
  if (r.days > 1) out.push(`means (95% intervals: ${r.intervalMethod})`);
  if (r.busyness && r.busyness.n > 1) out.push(`busyness (day multiplier): ${num(r.busyness)}`);
  const { worked, idle } = queuesWithWork(r);
  for (const [id, q] of worked) {
    out.push(
      '',
      `queue ${id}: day ${num(q.day.arrived)} arrived, service level ${pct(q.day.serviceLevel)}, ` +
        `abandoned ${pct(q.day.abandonRate)}`,
    );
    const rows = q.intervals.map((c, i) => [
      r.intervals[i]!,
      num(c.arrived),
      pct(c.serviceLevel),
      num(c.meanWaitSeconds),
      pct(c.abandonRate),
    ]);
    out.push(...textTable(['interval', 'arrived', 'service level', 'mean wait s', 'abandoned'], rows));
  }
  if (idle.length) out.push('', `queues with no arrivals: ${idle.join(', ')}`);
  for (const g of Object.values(r.groups)) {
    out.push('', `group ${g.name}`);
    const rows = g.intervals.map((c, i) => [r.intervals[i]!, num(c.staffed), pct(c.occupancy)]);
    out.push(...textTable(['interval', 'reps present', 'occupancy'], rows));
  }
  if (schedule) {
    out.push(
      '',
      `staffing: ${schedule.met ? 'meets the target in every interval' : 'DOES NOT meet the target everywhere'}, ` +
        `${schedule.repHours} rep-hours`,
    );
    const rows = r.intervals.map((l, i) => [l, ...schedule.repGroups.map((g) => String(g.staffing[i] ?? 0))]);
    out.push(...textTable(['interval', ...schedule.repGroups.map((g) => g.name)], rows));
    const shifts = shiftRows(schedule);
    if (shifts.length) out.push('', 'shifts (cut from that staffing):', ...textTable(SHIFT_HEADINGS, shifts));
  }
  const inv = r.invariants;
  out.push(
    '',
    `invariants over all days: capacity violations ${inv.capacityViolations}, double offers ${inv.doubleOffers}, ` +
      `lost work items ${inv.lostWorkItems}`,
  );
  return out.join('\n');
}

export const SHIFT_HEADINGS = ['group', 'start', 'end', 'reps', 'breaks'];

/** One row per shift of every group: the shifts a planner rosters people onto. */
export function shiftRows(schedule: ScheduleFile): string[][] {
  return schedule.repGroups.flatMap((g) =>
    (g.shifts ?? []).map((s) => [
      g.name,
      s.start,
      s.end,
      String(s.reps),
      s.breaks.map((b) => `${b.start} ${b.minutes} min`).join(', ') || '–',
    ]),
  );
}
