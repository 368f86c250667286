import { writeFileSync } from 'node:fs';
import type { Loaded } from '../load-scenario';
import { htmlReport } from '../planning/html-report';
import { formatPlan } from '../planning/plan-format';
import type { PlanReport } from '../planning/plan-report';
import { replicatedPlan } from '../planning/replications';
import { type ScheduleFile, scheduleFile, scheduleText } from '../planning/schedule-file';
import { type StaffingTarget, staffFor } from '../planning/staffing';

/** The planning options of `npm run simulate` (docs/simulator.md, "Planning"). */
export interface PlanArgs {
  days?: number;
  html?: string;
  target?: { serviceLevel?: number; serviceLevelSeconds?: number; maxAbandon?: number };
  saveSchedule?: string;
}

export const PLAN_OPTIONS = new Set(['--days', '--html', '--staff-for', '--max-abandon', '--save-schedule']);

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
  const { scenario } = loaded;
  const days = args.days ?? (args.target ? 5 : 1);
  const progress = (text: string) => process.stderr.write(`${text}\n`);
  let report: PlanReport;
  let schedule: ScheduleFile | undefined;
  if (args.target) {
    const target: StaffingTarget = {
      ...args.target,
      serviceLevelSeconds: args.target.serviceLevelSeconds ?? scenario.serviceLevelSeconds,
    };
    const result = await staffFor(scenario, target, {
      days,
      store: args.store,
      build: loaded.build,
      onRound: (r) =>
        progress(`staffing: ${r.phase}, ${r.reps} rep-intervals, ${r.misses} interval(s) missing the target`),
    });
    report = result.report;
    schedule = scheduleFile(scenario, result.staffing, target, result.met);
    if (args.saveSchedule) writeFileSync(args.saveSchedule, scheduleText(schedule));
  } else {
    const onDay = (d: number) => progress(`day ${d + 1} of ${days} done`);
    ({ report } = await replicatedPlan(scenario, loaded.config, loaded.reps, { days, store: args.store, onDay }));
  }
  if (args.html) writeFileSync(args.html, htmlReport(report, schedule));
  console.log(
    args.json ? JSON.stringify({ ...report, ...(schedule ? { schedule } : {}) }) : formatPlan(report, schedule),
  );
  const inv = report.invariants;
  return inv.capacityViolations + inv.doubleOffers + inv.lostWorkItems === 0 && (schedule?.met ?? true) ? 0 : 1;
}
