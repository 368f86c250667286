import { simulate } from '../engine';
import { loadScenario } from '../load-scenario';
import { formatReport, progressPrinter } from '../report-format';
import { openStore } from '../stores';
import { isPlanning, PLAN_OPTIONS, type PlanArgs, parsePlanOption, runPlan } from './plan';

const USAGE = [
  'usage: npm run simulate -- SCENARIO.json [--json] [--store dynamodb|memory] [--seed N] [--speed N]',
  '       planning: [--days N] [--html REPORT.html] [--staff-for 80/20] [--max-abandon 5] [--save-schedule FILE]',
  '                 [--shifts 8,4] [--break-minutes 30]',
].join('\n');

export function parseArgs(argv: string[]) {
  const args = {
    scenario: '',
    json: false,
    store: 'dynamodb' as 'dynamodb' | 'memory',
    seed: undefined as number | undefined,
    speed: undefined as number | undefined,
    plan: {} as PlanArgs,
  };
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (PLAN_OPTIONS.has(a)) problems.push(...parsePlanOption(args.plan, a, argv[++i]));
    else if (a === '--json') args.json = true;
    else if (a === '--store') {
      const v = argv[++i];
      if (v === 'dynamodb' || v === 'memory') args.store = v;
      else problems.push(`--store: must be dynamodb or memory, not '${v ?? ''}'`);
    } else if (a === '--seed' || a === '--speed') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) problems.push(`${a}: must be a non-negative number`);
      else if (a === '--seed') args.seed = Math.floor(v);
      else args.speed = v;
    } else if (a.startsWith('--')) problems.push(`${a}: unknown option`);
    else if (!args.scenario) args.scenario = a;
    else problems.push(`${a}: only one scenario file`);
  }
  if (!args.scenario) problems.push('SCENARIO.json: missing');
  if (args.plan.saveSchedule && !args.plan.target) problems.push('--save-schedule: needs --staff-for or --max-abandon');
  if (args.plan.shifts && !args.plan.target) problems.push('--shifts: needs --staff-for or --max-abandon');
  if (args.plan.breakMinutes !== undefined && !args.plan.shifts) problems.push('--break-minutes: needs --shifts');
  return { args, problems };
}

async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { args, problems } = parseArgs(process.argv.slice(2));
  if (problems.length) {
    console.error([...problems, USAGE].join('\n'));
    return 2;
  }
  const loaded = loadScenario(args.scenario, args.seed);
  if (!loaded.ok) {
    console.error(`${args.scenario} is not a valid scenario:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 2;
  }
  if (isPlanning(args.plan)) return runPlan(loaded, { ...args.plan, store: args.store, json: args.json });
  const sim = await openStore(args.store);
  try {
    const progress = progressPrinter(process.stderr, loaded.scenario.durationMinutes);
    const report = await simulate(loaded.scenario, loaded.config, loaded.reps, sim, {
      speed: args.speed,
      onProgress: (p) => progress.update(p),
    });
    progress.done();
    // The one-run report keeps its documented shape; the per-interval view is the planning report's.
    const { intervals: _intervals, busyness: _busyness, ...contract } = report;
    console.log(args.json ? JSON.stringify(contract) : formatReport(report));
    const inv = report.invariants;
    return inv.capacityViolations + inv.doubleOffers + inv.lostWorkItems === 0 ? 0 : 1;
  } finally {
    await sim.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
