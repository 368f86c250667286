import { configFromScenario } from '../../lambdas/simulator/build-config';
import { type Report, simulate } from '../../lambdas/simulator/engine';
import { validateScenario } from '../../lambdas/simulator/scenario';
import { openStore } from '../../lambdas/simulator/stores';

async function run(input: Record<string, unknown>, store: 'memory' | 'dynamodb' = 'memory'): Promise<Report> {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  const { config, reps } = configFromScenario(checked.scenario);
  const sim = await openStore(store, store === 'dynamodb' ? process.env.DDB_ENDPOINT : undefined);
  try {
    return await simulate(checked.scenario, config, reps, sim);
  } finally {
    await sim.close();
  }
}

const chat = (extra: Record<string, unknown> = {}) => ({
  id: 'q',
  channel: 'chat',
  priority: 1,
  routingModel: 'MostAvailable',
  pushTimeoutSeconds: 0,
  size: { percentage: 100 },
  ...extra,
});
const base = (overrides: Record<string, unknown>) => ({
  name: 'test',
  seed: 3,
  durationMinutes: 240,
  warmupMinutes: 10,
  channels: [{ name: 'chat', realTime: true }],
  queues: [chat()],
  repGroups: [{ count: 3, queues: ['q'], status: ['chat'] }],
  arrivals: [{ queue: 'q', perHour: 30, handleSeconds: { distribution: 'exponential', mean: 240 } }],
  ...overrides,
});
const noViolations = { capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0 };

/** Erlang C: probability of waiting and mean wait in an M/M/c queue. */
function erlangC(c: number, lambdaPerSecond: number, meanHandleSeconds: number) {
  const a = lambdaPerSecond * meanHandleSeconds;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  const pWait = top / (sum + top);
  return { pWait, meanWait: pWait / (c / meanHandleSeconds - lambdaPerSecond) };
}

const meanAndError = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, stderr: sd / Math.sqrt(xs.length) };
};

describe('simulator statistics (docs/simulator.md)', () => {
  it('matches Erlang C for an M/M/c queue within sampling error', async () => {
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
  }, 300_000);

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

  it('relaxes additional skills: work nobody fully matches is answered once the extra skill drops', async () => {
    const r = await run(
      base({
        repGroups: [{ count: 3, queues: [], status: ['chat'], skills: { english: 5 } }],
        arrivals: [
          {
            queue: 'q',
            perHour: 20,
            handleSeconds: { distribution: 'fixed', mean: 60 },
            skills: [
              { skill: 'english', minLevel: 3 },
              { skill: 'french', minLevel: 2, additional: true, dropAfterSeconds: 45 },
            ],
          },
        ],
      }),
    );
    const q = r.queues.q!;
    expect(q.answered).toBeGreaterThan(0.9 * q.arrived);
    expect(q.meanWaitSeconds).toBeGreaterThanOrEqual(45);
    expect(q.serviceLevel).toBe(0);
  });

  it('falls back from a busy preferred rep to the queue after the fallback time', async () => {
    const r = await run(
      base({
        repGroups: [
          { count: 1, queues: ['q'], status: ['case'] },
          { count: 2, queues: ['q'], status: ['chat'] },
        ],
        channels: [
          { name: 'chat', realTime: true },
          { name: 'case', realTime: false },
        ],
        arrivals: [
          {
            queue: 'q',
            perHour: 20,
            handleSeconds: { distribution: 'fixed', mean: 30 },
            preferredRep: { repId: 'g1-rep-001', fallbackAfterSeconds: 60 },
          },
        ],
      }),
    );
    const q = r.queues.q!;
    expect(q.answered).toBeGreaterThan(0.9 * q.arrived);
    expect(q.meanWaitSeconds).toBeGreaterThanOrEqual(60);
  });

  it('interruptible capacity: reps busy with cases still take calls at once', async () => {
    const center = (interruptible: boolean) =>
      base({
        channels: [
          { name: 'voice', realTime: true },
          { name: 'case', realTime: false, interruptible },
        ],
        queues: [
          {
            id: 'calls',
            channel: 'voice',
            priority: 1,
            routingModel: 'MostAvailable',
            pushTimeoutSeconds: 0,
            size: { percentage: 100 },
          },
          {
            id: 'cases',
            channel: 'case',
            priority: 2,
            routingModel: 'MostAvailable',
            pushTimeoutSeconds: 0,
            size: { percentage: 50 },
          },
        ],
        repGroups: [{ count: 4, queues: ['calls', 'cases'], status: ['voice', 'case'] }],
        arrivals: [
          { queue: 'calls', perHour: 20, handleSeconds: { distribution: 'exponential', mean: 180 } },
          { queue: 'cases', perHour: 30, handleSeconds: { distribution: 'exponential', mean: 900 } },
        ],
      });
    const blended = await run(center(true));
    const shared = await run(center(false));
    expect(blended.queues.calls!.meanWaitSeconds).toBeLessThan(shared.queues.calls!.meanWaitSeconds);
    expect(blended.queues.calls!.serviceLevel).toBeGreaterThan(0.9);
    expect(blended.invariants).toEqual(noViolations);
  });

  it('gives the same report on DynamoDB Local as on the memory store for the same seed', async () => {
    const scenario = base({
      durationMinutes: 90,
      repBehavior: { declineProbability: 0.1, answerSeconds: { distribution: 'fixed', mean: 3 } },
    });
    const memory = await run(scenario, 'memory');
    const dynamo = await run(scenario, 'dynamodb');
    expect({ ...dynamo, store: 'x', wallSeconds: 0 }).toEqual({ ...memory, store: 'x', wallSeconds: 0 });
    expect(memory.queues.q!.arrived).toBeGreaterThan(20);
  });
});

describe('callbacks in the simulator (semantics §9, examples/callback-heavy.json)', () => {
  const callbackScenario = (answerProbability: number, busyProbability = 0) =>
    base({
      channels: [{ name: 'callback', realTime: true }],
      queues: [
        {
          id: 'cb',
          channel: 'callback',
          priority: 1,
          routingModel: 'MostAvailable',
          pushTimeoutSeconds: 30,
          size: { percentage: 100 },
          callbackRetry: { maxAttempts: 3, retryAfterSeconds: 600 },
        },
      ],
      repGroups: [{ count: 4, queues: ['cb'], status: ['callback'] }],
      arrivals: [
        {
          queue: 'cb',
          perHour: 30,
          handleSeconds: { distribution: 'exponential', mean: 240 },
          callback: {
            delaySeconds: { distribution: 'uniform', min: 0, max: 1800 },
            answerProbability,
            busyProbability,
          },
        },
      ],
    });

  it('every dial is answered or not reached; failed dials are retried by policy, then the callback ends unreachable', async () => {
    const r = await run(callbackScenario(0.5, 0.2));
    expect(r.invariants).toEqual(noViolations);
    const c = r.callbacks!;
    // Dials still ringing at the end are neither: at most one per rep.
    expect(c.dials - (c.connected + c.notReached)).toBeGreaterThanOrEqual(0);
    expect(c.dials - (c.connected + c.notReached)).toBeLessThanOrEqual(4);
    expect(c.dials).toBeGreaterThan(c.requested);
    expect(c.unreachable).toBeGreaterThan(0);
    // With p(not reached) = 0.5, about 1/8 of callbacks fail all three dials.
    expect(c.unreachable / c.requested).toBeGreaterThan(0.04);
    expect(c.unreachable / c.requested).toBeLessThan(0.25);
  });

  it('when every customer answers, there is one dial per callback and none is unreachable', async () => {
    const r = await run(callbackScenario(1));
    expect(r.invariants).toEqual(noViolations);
    expect(r.callbacks).toMatchObject({ notReached: 0, unreachable: 0 });
    expect(r.callbacks!.dials - r.callbacks!.connected).toBeLessThanOrEqual(4);
  });

  it('a scenario that gives callback behaviour to a non-callback queue is refused, naming the field', () => {
    const checked = validateScenario(
      base({
        arrivals: [
          {
            queue: 'q',
            perHour: 1,
            handleSeconds: { distribution: 'fixed', mean: 1 },
            callback: { answerProbability: 1 },
          },
        ],
      }),
    );
    expect(checked).toEqual({
      ok: false,
      problems: ['arrivals[0].callback: give it exactly for arrivals to a callback queue'],
    });
  });
});
