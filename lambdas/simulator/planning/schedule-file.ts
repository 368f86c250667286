import * as z from '../../domain/zod';
import type { Scenario } from '../scenario';
import { shiftSchema } from '../scenario-parts';
import { minutesOf, planningDay } from './day';
import type { BuiltShift } from './shift-builder';
import type { Staffing, StaffingTarget } from './staffing';

/** A schedule file: what `--staff-for` writes and a scenario's `schedule` reads back. */
export const scheduleFileSchema = z.strictObject({
  scenario: z.string(),
  dayStart: z.string(),
  intervalMinutes: z.number().check(z.int(), z.positive()),
  target: z.optional(
    z.strictObject({
      serviceLevel: z.optional(z.number().check(z.gte(0), z.lte(1))),
      serviceLevelSeconds: z.number().check(z.gte(0)),
      maxAbandon: z.optional(z.number().check(z.gte(0), z.lte(1))),
    }),
  ),
  repGroups: z.array(
    z.strictObject({
      name: z.string(),
      staffing: z.array(z.number().check(z.int(), z.gte(0))),
      repHours: z.optional(z.number()),
      /** With `--shifts`: the shifts cut from the staffing, which a scenario then runs instead of it. */
      shifts: z.optional(z.array(shiftSchema)),
    }),
  ),
  repHours: z.optional(z.number()),
  met: z.optional(z.boolean()),
});

export type ScheduleFile = z.infer<typeof scheduleFileSchema>;

/** The file's text: indented, with each staffing row on one line so a planner can read it as a table. */
export const scheduleText = (file: ScheduleFile) =>
  `${JSON.stringify(file, null, 2).replace(/\[\s*(\d+(?:,\s*\d+)*)\s*\]/g, (_m, row: string) => `[${row.split(/,\s*/).join(', ')}]`)}\n`;

/** The schedule of a staffing run; with shifts, its rep-hours are the shifts' paid hours (breaks included). */
export function scheduleFile(
  s: Scenario,
  staffing: Staffing,
  target: StaffingTarget,
  met: boolean,
  shifts?: BuiltShift[][],
): ScheduleFile {
  const hours = (row: readonly number[]) => (row.reduce((a, b) => a + b, 0) * s.intervalMinutes) / 60;
  const groupHours = (i: number) => (shifts ? shiftHours(shifts[i] ?? []) : hours(staffing[i] ?? []));
  const groups = (s.repGroups ?? []).map((g, i) => ({
    name: g.name ?? `Group ${i + 1}`,
    staffing: staffing[i] ?? [],
    repHours: groupHours(i),
    ...(shifts ? { shifts: shifts[i] ?? [] } : {}),
  }));
  return {
    scenario: s.name,
    dayStart: s.dayStart,
    intervalMinutes: s.intervalMinutes,
    target,
    repGroups: groups,
    repHours: groups.reduce((t, g) => t + g.repHours, 0),
    met,
  };
}

const shiftHours = (shifts: readonly BuiltShift[]) =>
  shifts.reduce((t, x) => t + x.reps * (((minutesOf(x.end) - minutesOf(x.start) + 1440) % 1440 || 1440) / 60), 0);

/** Applies a schedule file's staffing to the scenario's rep groups, naming every mismatch. */
export function applySchedule(
  s: Scenario,
  input: unknown,
): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const parsed = scheduleFileSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `schedule.${i.path.join('.')}: ${i.message}`) };
  const file = parsed.data;
  const groups = s.repGroups ?? [];
  const day = planningDay(s);
  const problems: string[] = [];
  for (const field of ['dayStart', 'intervalMinutes'] as const)
    if (file[field] !== s[field])
      problems.push(`schedule.${field}: ${file[field]} in the schedule, ${s[field]} in the scenario`);
  if (file.repGroups.length !== groups.length)
    problems.push(`schedule.repGroups: ${file.repGroups.length} groups, the scenario has ${groups.length}`);
  file.repGroups.forEach((g, i) => {
    if (g.staffing.length !== day.count) problems.push(`schedule.repGroups[${i}].staffing: needs ${day.count} values`);
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    scenario: {
      ...s,
      repGroups: groups.map((g, i) => {
        const planned = file.repGroups[i]!;
        return planned.shifts
          ? { ...g, staffing: undefined, shifts: planned.shifts }
          : { ...g, staffing: planned.staffing, shifts: undefined };
      }),
    },
  };
}
