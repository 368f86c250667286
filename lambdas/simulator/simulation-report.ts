import type { CompiledConfig } from '../domain/config/compiled-config';
import type { RoutingEvent } from '../domain/routing/events';
import { checkInvariants } from '../domain/routing/invariants';
import type { Scenario } from './scenario';
import type { Statistics } from './statistics';
import type { SimulationStore } from './stores';

/**
 * The report of one run (docs/simulator.md): the statistics, and invariants checked from the store's own rows
 * with the checker the tests use (semantics §1), not assumed.
 */
export async function simulationReport(run: {
  readonly scenario: Scenario;
  readonly config: CompiledConfig;
  readonly stats: Statistics;
  readonly sim: SimulationStore;
  readonly submitted: readonly string[];
  readonly events: readonly RoutingEvent[];
  readonly end: number;
  readonly wallStart: number;
}) {
  const { scenario, config, sim } = run;
  const records = await sim.records();
  const invariants = checkInvariants({ ...records, config, submitted: run.submitted, events: run.events });
  const { queues, reps, callbacks } = run.stats.report(run.end, config.reps.size);
  return {
    scenario: scenario.name,
    virtualMinutes: scenario.durationMinutes,
    queues,
    reps,
    ...(callbacks ? { callbacks } : {}),
    invariants: {
      capacityViolations: invariants.capacityViolations + invariants.capacityLeaks,
      doubleOffers: invariants.doubleOffers,
      lostWorkItems: invariants.lostWorkItems,
    },
    store: sim.kind,
    wallSeconds: Math.round((Date.now() - run.wallStart) / 100) / 10,
  };
}
