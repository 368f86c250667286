import fc from 'fast-check';
import { CommandCenterProjection } from '../../lambdas/command-center/projection';
import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import type { RoutingEvent } from '../../lambdas/domain/routing/events';
import { configFromScenario } from '../../lambdas/simulator/build-config';
import { simulate } from '../../lambdas/simulator/engine';
import { validateScenario } from '../../lambdas/simulator/scenario';
import { openStore } from '../../lambdas/simulator/stores';

const scenario = validateScenario({
  name: 'read model',
  seed: 11,
  durationMinutes: 20,
  serviceLevelSeconds: 20,
  channels: [{ name: 'chat', realTime: true }],
  queues: [
    { id: 'q', channel: 'chat', priority: 1, routingModel: 'LeastActive', pushTimeoutSeconds: 20, size: { units: 50 } },
  ],
  repGroups: [{ count: 3, queues: ['q'], status: ['chat'] }],
  arrivals: [
    {
      queue: 'q',
      perHour: 240,
      handleSeconds: { distribution: 'exponential', mean: 120 },
      patienceSeconds: { distribution: 'exponential', mean: 90 },
    },
  ],
  repBehavior: { declineProbability: 0.2, answerSeconds: { distribution: 'fixed', mean: 5 } },
});

/**
 * The deployed read model is fed by EventBridge: at least once, in any order. Whatever the order and however
 * many repeats, it must end where the run's own order leaves it (counts, waiting items, reps' capacity).
 */
describe('Command Center read model under at-least-once, unordered delivery', () => {
  let events: RoutingEvent[];
  let config: CompiledConfig;
  let end: number;
  beforeAll(async () => {
    if (!scenario.ok) throw new Error(scenario.problems.join('\n'));
    const built = configFromScenario(scenario.scenario);
    const valid = validateConfig(built.config);
    if (!valid.ok) throw new Error(valid.problems.join('\n'));
    config = new CompiledConfig(valid.config);
    events = [];
    const sim = await openStore('memory');
    await simulate(scenario.scenario, built.config, built.reps, sim, {
      onEvent: (e, at) => {
        events.push(e);
        end = at;
      },
    });
  });

  const view = (applied: RoutingEvent[]) => {
    const p = new CommandCenterProjection(config, 20);
    for (const e of applied) p.apply(e);
    const s = p.snapshot(end);
    return { queues: s.queues, reps: s.reps.map(({ used, activeItems }) => ({ used, activeItems })) };
  };

  it('reaches the same figures from any order, with any repeats', () => {
    expect(events.length).toBeGreaterThan(100);
    const inOrder = view(events);
    expect(inOrder.queues[0]!.offered).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), fc.subarray(events), (shuffled, again) => {
        expect(view([...shuffled, ...again])).toEqual(inOrder);
      }),
      { numRuns: 25 },
    );
  });
});
