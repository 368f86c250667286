import { configFromScenario } from '../../lambdas/simulator/build-config';
import { type Report, simulate } from '../../lambdas/simulator/engine';
import { validateScenario } from '../../lambdas/simulator/scenario';
import { openStore } from '../../lambdas/simulator/stores';
import { SIMULATION_TIMEOUT_MS } from '../support/budgets';
import { base, chat, erlangC, meanAndError, noViolations, run } from '../support/simulation';

describe('simulator statistics (docs/simulator.md)', () => {
  it(
    'matches Erlang C for an M/M/c queue within sampling error',
    async () => {
      const c = 5;
      const handle = 240;
      const perHour = 60; // offered load 4 Erlangs on 5 reps: occupancy 0.8
      const runs: Report[] = [];
      for (let seed = 1; seed <= 10; seed++) {
        runs.push(
          await run(
            base({
              seed,
              durationMinutes: 60 * 60,
              warmupMinutes: 60,
              repGroups: [{ count: c, queues: ['q'], status: ['chat'] }],
              arrivals: [{ queue: 'q', perHour, handleSeconds: { distribution: 'exponential', mean: handle } }],
            }),
          ),
        );
      }
      const theory = erlangC(c, perHour / 3600, handle);
      const waited = meanAndError(runs.map((r) => r.queues.q!.waitedFraction));
      const wait = meanAndError(runs.map((r) => r.queues.q!.meanWaitSeconds));
      expect(Math.abs(waited.mean - theory.pWait)).toBeLessThan(3.5 * waited.stderr + 0.005);
      expect(Math.abs(wait.mean - theory.meanWait)).toBeLessThan(3.5 * wait.stderr + 0.5);
      const occupancy = meanAndError(runs.map((r) => r.reps.occupancy));
      expect(Math.abs(occupancy.mean - 0.8)).toBeLessThan(3.5 * occupancy.stderr + 0.005);
      for (const r of runs) expect(r.invariants).toEqual(noViolations);
    },
    SIMULATION_TIMEOUT_MS,
  );

  it('counts abandonment: impatient callers leave an overloaded queue', async () => {
    const r = await run(
      base({
        arrivals: [
          {
            queue: 'q',
            perHour: 90,
            handleSeconds: { distribution: 'exponential', mean: 240 },
            patienceSeconds: { distribution: 'exponential', mean: 60 },
          },
        ],
      }),
    );
    const q = r.queues.q!;
    expect(q.abandoned).toBeGreaterThan(0.1 * q.arrived);
    expect(q.answered + q.abandoned).toBeLessThanOrEqual(q.arrived);
    expect(r.invariants).toEqual(noViolations);
  });

  it('counts declines, and declined work still reaches another rep', async () => {
    const r = await run(
      base({ repBehavior: { declineProbability: 0.3, answerSeconds: { distribution: 'fixed', mean: 2 } } }),
    );
    const q = r.queues.q!;
    expect(q.declines / q.offers).toBeGreaterThan(0.2);
    expect(q.declines / q.offers).toBeLessThan(0.4);
    expect(q.answered).toBeGreaterThan(0.95 * q.arrived);
    expect(r.invariants).toEqual(noViolations);
  });

  it('simulated reps give a configured decline reason, so declines happen where reasons are required', async () => {
    const checked = validateScenario(
      base({ repBehavior: { declineProbability: 0.3, answerSeconds: { distribution: 'fixed', mean: 2 } } }),
    );
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const { config, reps } = configFromScenario(checked.scenario);
    const withReasons = {
      ...config,
      presenceConfigs: config.presenceConfigs.map((p) => ({ ...p, declineReasons: ['Not my area', 'Other'] })),
    };
    const sim = await openStore('memory');
    const r = await simulate(checked.scenario, withReasons, reps, sim);
    expect(r.queues.q!.declines / r.queues.q!.offers).toBeGreaterThan(0.2);
  });

  it('counts push timeouts when reps answer too slowly', async () => {
    const r = await run(
      base({
        queues: [chat({ pushTimeoutSeconds: 10 })],
        repBehavior: { declineProbability: 0, answerSeconds: { distribution: 'uniform', min: 0, max: 20 } },
      }),
    );
    const q = r.queues.q!;
    expect(q.timeouts).toBeGreaterThan(0.3 * q.offers);
    expect(q.answered).toBeGreaterThan(0);
    expect(r.invariants).toEqual(noViolations);
  });
});
