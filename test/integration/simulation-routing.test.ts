import { base, noViolations, run } from '../support/simulation';

describe('simulated routing behaviour (docs/simulator.md)', () => {
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
