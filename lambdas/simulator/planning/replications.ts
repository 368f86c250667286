import { startDynamoLocal } from '../../adapters/local/dynamodb-local';
import type { SimRep } from '../build-config';
import { type Report, simulate } from '../engine';
import type { Scenario } from '../scenario';
import { openStore } from '../stores';
import { planReport } from './plan-report';

/** One simulated day of a replicated run. */
export type DayReport = Report;

export interface ReplicationOptions {
  readonly days: number;
  readonly store: 'dynamodb' | 'memory';
  /** Called after each day, for progress. */
  readonly onDay?: (day: number, report: DayReport) => void;
}

/**
 * Runs N independent days: day d uses seed `seed + d` (its arrivals, times and busyness), so a change of staffing
 * is compared on the same days (common random numbers). On DynamoDB each day gets a fresh table on one DynamoDB
 * Local.
 */
export async function replicate(
  scenario: Scenario,
  configJson: unknown,
  reps: readonly SimRep[],
  options: ReplicationOptions,
): Promise<DayReport[]> {
  const local = options.store === 'dynamodb' ? await startDynamoLocal() : undefined;
  try {
    const days: DayReport[] = [];
    for (let d = 0; d < options.days; d++) {
      const sim = await openStore(options.store, local?.endpoint);
      try {
        const report = await simulate({ ...scenario, seed: scenario.seed + d }, configJson, reps, sim);
        days.push(report);
        options.onDay?.(d, report);
      } finally {
        await sim.close();
      }
    }
    return days;
  } finally {
    await local?.stop();
  }
}

/** Replicated days and their planning report, with the rep groups named as the configuration names them. */
export async function replicatedPlan(
  scenario: Scenario,
  configJson: unknown,
  reps: readonly SimRep[],
  options: ReplicationOptions,
) {
  const runs = await replicate(scenario, configJson, reps, options);
  const groups = (configJson as { groups?: readonly { id: string; name: string }[] }).groups ?? [];
  return { runs, report: planReport(scenario, new Map(groups.map((g) => [g.id, g.name])), runs) };
}
