import { validateScenario } from '../../lambdas/simulator/scenario';
import { base, noViolations, run } from '../support/simulation';

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

  it('each dial is answered or not reached; failed ones are retried by policy, then it ends unreachable', async () => {
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
