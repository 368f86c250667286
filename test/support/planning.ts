import { configFromScenario } from '../../lambdas/simulator/build-config';
import { planReport } from '../../lambdas/simulator/planning/plan-report';
import { replicate } from '../../lambdas/simulator/planning/replications';
import { type Scenario, validateScenario } from '../../lambdas/simulator/scenario';

export function scenarioOf(input: Record<string, unknown>): Scenario {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return checked.scenario;
}

/** Replicates an inline scenario on the memory store and returns its planning report. */
export async function planOf(input: Record<string, unknown>, days: number) {
  const scenario = scenarioOf(input);
  const { config, reps } = configFromScenario(scenario);
  const names = new Map(config.groups.map((g) => [g.id, g.name]));
  const runs = await replicate(scenario, config, reps, { days, store: 'memory' });
  return { scenario, runs, report: planReport(scenario, names, runs) };
}

export const chatQueue = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  channel: 'chat',
  priority: 1,
  routingModel: 'MostAvailable',
  pushTimeoutSeconds: 0,
  size: { percentage: 100 },
  ...extra,
});

/** The half-width of a 95% interval back to a standard error (Student's t for the days). */
export const stderrOf = (e: { low: number; high: number; n: number }, t: number) => (e.high - e.low) / 2 / t;
