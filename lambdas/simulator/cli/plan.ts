import { writeFileSync } from 'node:fs';
import type { Loaded } from '../load-scenario';
import { htmlReport } from '../planning/html-report';
import { formatPlan } from '../planning/plan-format';
import type { PlanReport } from '../planning/plan-report';
import { replicatedPlan } from '../planning/replications';
import { type ScheduleFile, scheduleFile, scheduleText } from '../planning/schedule-file';
import { shiftsFor } from '../planning/shift-plan';
import { type StaffingOptions, type StaffingTarget, staffFor } from '../planning/staffing';

/** The planning options of `npm run simulate` (docs/simulator.md, "Planning"). */
export interface PlanArgs {
  days?: number;
  html?: string;
  target?: { serviceLevel?: number; serviceLevelSeconds?: number; maxAbandon?: number };
  saveSchedule?: string;
  /** `--shifts 8,4`: shift lengths in hours to cut the staffing into. */
  shifts?: number[];
  breakMinutes?: number;
}

export const PLAN_OPTIONS = new Set([
  '--days',
  '--html',
  '--staff-for',
  '--max-abandon',
  '--save-schedule',
  '--shifts',
  '--break-minutes',
]);

export const isPlanning = (p: PlanArgs) => p.days !== undefined || p.html !== undefined || p.target !== undefined;

/** Reads one planning option and its value into `plan`; returns the problems, each naming the option. */
export function parsePlanOption(plan: PlanArgs, option: string, value: string | undefined): string[] {
  const v = value ?? '';
  switch (option) {
    case '--days': {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 1000) return ['--days: must be a whole number from 1 to 1000'];
      plan.days = n;
      return [];
    }
    case '--staff-for': {
      const m = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(v);
      if (!m || Number(m[1]) > 100) return ['--staff-for: must be SERVICE-LEVEL-%/SECONDS, for example 80/20'];
      plan.target = { ...plan.target, serviceLevel: Number(m[1]) / 100, serviceLevelSeconds: Number(m[2]) };
      return [];
    }
    case '--max-abandon': {
      const n = Number(v.replace(/%$/, ''));
      if (!v || !Number.isFinite(n) || n < 0 || n > 100) return ['--max-abandon: must be a percentage from 0 to 100'];
      plan.target = { ...plan.target, maxAbandon: n / 100 };
      return [];
    }
    case '--shifts': {
      const hours = v.split(',').map(Number);
      if (!v || hours.some((h) => !Number.isFinite(h) || h <= 0 || h > 16))
        return ['--shifts: must be shift lengths in hours, from above 0 to 16, for example 8,4'];
      plan.shifts = hours;
      return [];
    }
    case '--break-minutes': {
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 0 || n > 120)
        return ['--break-minutes: must be whole minutes from 0 to 120'];
      plan.breakMinutes = n;
      return [];
    }
    default:
      if (!v || v.startsWith('--')) return [`${option}: needs a file name`];
      if (option === '--html') plan.html = v;
      else plan.saveSchedule = v;
      return [];
  }
}

/** Replicated days, or a staffing search; prints the planning report and writes the files asked for. */
export async function runPlan(
  loaded: Extract<Loaded, { ok: true }>,
  args: PlanArgs & { store: 'dynamodb' | 'memory'; json: boolean },
): Promise<number> {
  const days = args.days ?? (args.target ? 5 : 1);
  const wrongLengths = (args.shifts ?? []).filter((h) => (h * 60) % loaded.scenario.intervalMinutes !== 0);
  if (wrongLengths.length) {
    const what = `${loaded.scenario.intervalMinutes}-minute intervals`;
    console.error(`--shifts: ${wrongLengths.join(', ')} hour(s) is not a whole number of ${what}`);
    return 2;
  }
  let report: PlanReport;
  let schedule: ScheduleFile | undefined;
  if (args.target) {
    ({ report, schedule } = await staffingRun(loaded, { ...args, target: args.target }, days));
    if (args.saveSchedule) writeFileSync(args.saveSchedule, scheduleText(schedule));
  } else {
    const onDay = (d: number) => progress(`day ${d + 1} of ${days} done`);
    const { scenario, config, reps } = loaded;
    ({ report } = await replicatedPlan(scenario, config, reps, { days, store: args.store, onDay }));
  }
  if (args.html) writeFileSync(args.html, htmlReport(report, schedule));
  console.log(
    args.json ? JSON.stringify({ ...report, ...(schedule ? { schedule } : {}) }) : formatPlan(report, schedule),
  );
  const inv = report.invariants;
  return inv.capacityViolations + inv.doubleOffers + inv.lostWorkItems === 0 && (schedule?.met ?? true) ? 0 : 1;
}

const progress = (text: string) => process.stderr.write(`${text}\n`);

/** The staffing search, then (`--shifts`) the shifts cut from its staffing and confirmed by simulation. */
async function staffingRun(
  loaded: Extract<Loaded, { ok: true }>,
  args: PlanArgs & { target: NonNullable<PlanArgs['target']>; store: 'dynamodb' | 'memory' },
  days: number,
) {
  const { scenario } = loaded;
  const target: StaffingTarget = {
    ...args.target,
    serviceLevelSeconds: args.target.serviceLevelSeconds ?? scenario.serviceLevelSeconds,
  };
  const options: StaffingOptions = {
    days,
    store: args.store,
    build: loaded.build,
    onRound: (r) =>
      progress(
        `staffing: ${r.phase}, ${r.reps} ${r.phase === 'shifts' ? 'reps on shifts' : 'rep-intervals'}, ` +
          `${r.misses} interval(s) missing the target`,
      ),
  };
  const result = await staffFor(scenario, target, options);
  if (!args.shifts)
    return { report: result.report, schedule: scheduleFile(scenario, result.staffing, target, result.met) };
  const rules = { hours: args.shifts, breakMinutes: args.breakMinutes ?? 30 };
  const cut = await shiftsFor(scenario, result.staffing, target, rules, options);
  return { report: cut.report, schedule: scheduleFile(scenario, cut.required, target, cut.met, cut.shifts) };
}
