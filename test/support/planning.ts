import { configFromScenario } from '../../lambdas/simulator/build-config';
import { replicatedPlan } from '../../lambdas/simulator/planning/replications';
import { type Scenario, validateScenario } from '../../lambdas/simulator/scenario';

export function scenarioOf(input: Record<string, unknown>): Scenario {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return checked.scenario;
}

/** Replicates an inline scenario on the memory store and returns its days and its planning report. */
export async function planOf(input: Record<string, unknown>, days: number) {
  const scenario = scenarioOf(input);
  const { config, reps } = configFromScenario(scenario);
  return { scenario, ...(await replicatedPlan(scenario, config, reps, { days, store: 'memory' })) };
}
