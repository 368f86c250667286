import { planningDay } from '../../../lambdas/simulator/planning/day';
import { estimate } from '../../../lambdas/simulator/planning/plan-report';
import { presencePlan } from '../../../lambdas/simulator/planning/presence-plan';
import { Traffic } from '../../../lambdas/simulator/planning/traffic';
import { gammaMeanOne, seededRandom } from '../../../lambdas/simulator/random';
import { type Scenario, validateScenario } from '../../../lambdas/simulator/scenario';
import { chat } from '../../support/simulation';

const day = (extra: Record<string, unknown> = {}, arrival: Record<string, unknown> = {}) => ({
  name: 'day',
  durationMinutes: 120,
  intervalMinutes: 30,
  channels: [{ name: 'chat', realTime: true }],
  queues: [chat()],
  repGroups: [{ count: 4, queues: ['q'], status: ['chat'] }],
  arrivals: [
    { queue: 'q', perInterval: [10, 40, 0, 20], handleSeconds: { distribution: 'fixed', mean: 60 }, ...arrival },
  ],
  ...extra,
});
const valid = (input: unknown): Scenario => {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(v.problems.join('\n'));
  return v.scenario;
};
const problems = (input: unknown) => {
  const v = validateScenario(input);
  return v.ok ? [] : v.problems;
};

describe('the planning day (scenario intervals, schedules, busyness)', () => {
  it('labels intervals by time of day from dayStart', () => {
    expect(planningDay(valid(day({ dayStart: '07:30' }))).labels).toEqual(['07:30', '08:00', '08:30', '09:00']);
  });

  it('names each problem with a day: interval counts, rates, shifts and breaks', () => {
    expect(problems(day({}, { perInterval: [1, 2] }))).toEqual([
      'arrivals[0].perInterval: needs 4 values (one per 30-minute interval)',
    ]);
    expect(problems(day({}, { perHour: 10 }))).toEqual([
      'arrivals[0].perHour: give exactly one of perHour and perInterval',
    ]);
    const shifts = [{ reps: 5, start: '08:00', end: '09:00', breaks: [{ start: '08:50', minutes: 15 }] }];
    expect(problems(day({ repGroups: [{ count: 4, queues: ['q'], status: ['chat'], shifts }] }))).toEqual([
      'repGroups[0].shifts[0].breaks[0]: must lie within the shift',
      'repGroups[0].shifts: 5 reps on shifts, more than count',
    ]);
    expect(problems(day({ dayStart: '8:00' }))).toEqual(['dayStart: must be a time of day HH:MM']);
    expect(problems(day({ intervalMinutes: 20 }))[0]).toMatch(/^intervalMinutes:/);
    expect(problems(day({ repGroups: [{ count: 4, queues: ['q'], status: ['chat'], staffing: [1, 2, 3] }] }))).toEqual([
      'repGroups[0].staffing: needs 4 values (one per 30-minute interval)',
    ]);
  });

  it('arrives per interval: nothing in an empty interval, counts near the expected ones', () => {
    const s = valid(day({ durationMinutes: 120 }, { perInterval: [100, 400, 0, 200] }));
    const d = planningDay(s);
    const traffic = new Traffic(s, d, seededRandom(5), d.start + 120 * 60_000);
    const counts = [0, 0, 0, 0];
    for (let t = traffic.next(0, d.start); t !== undefined; t = traffic.next(0, t))
      counts[Math.floor((t - d.start) / d.intervalMs)]!++;
    expect(counts[2]).toBe(0);
    for (const [i, expected] of [100, 400, 0, 200].entries())
      expect(Math.abs(counts[i]! - expected)).toBeLessThan(4 * Math.sqrt(expected) + 1);
  });

  it('takes handle and patience times from the interval an item arrives in', () => {
    const change = { from: '09:00', handleSeconds: { distribution: 'fixed', mean: 300 } };
    const s = valid(day({}, { byInterval: [change] }));
    const d = planningDay(s);
    const traffic = new Traffic(s, d, seededRandom(1), d.start + 7_200_000);
    expect(traffic.timesOf(0, d.start + 59 * 60_000).handle).toEqual({ distribution: 'fixed', mean: 60 });
    expect(traffic.timesOf(0, d.start + 61 * 60_000).handle).toEqual({ distribution: 'fixed', mean: 300 });
  });

  it('draws a Gamma busyness with mean 1 and variance 1/shape', () => {
    const random = seededRandom(9);
    const xs = Array.from({ length: 20_000 }, () => gammaMeanOne(25, random));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(1, 2);
    expect(variance).toBeCloseTo(1 / 25, 2);
    const small = Array.from({ length: 20_000 }, () => gammaMeanOne(0.5, random));
    expect(small.reduce((a, b) => a + b, 0) / small.length).toBeCloseTo(1, 1);
  });

  it('turns shifts with breaks into log in, break, return and log out, in time order', () => {
    const shifts = [{ reps: 1, start: '08:30', end: '09:30', breaks: [{ start: '09:00', minutes: 15 }] }];
    const s = valid(day({ repGroups: [{ count: 2, queues: ['q'], status: ['chat'], shifts }] }));
    const d = planningDay(s);
    const plan = presencePlan(s, d, [
      { repId: 'a', statusId: 'status-1', group: 0 },
      { repId: 'b', statusId: 'status-1', group: 0 },
    ]);
    const minute = (t: number) => (t - d.start) / 60_000;
    expect(plan.map((p) => [minute(p.at), p.repId, p.action])).toEqual([
      [30, 'a', 'logIn'],
      [60, 'a', 'break'],
      [75, 'a', 'return'],
      [90, 'a', 'logOut'],
    ]);
  });

  it('turns staffing per interval into the first reps on in each interval', () => {
    const s = valid(day({ repGroups: [{ count: 2, queues: ['q'], status: ['chat'], staffing: [1, 2, 0, 1] }] }));
    const d = planningDay(s);
    const plan = presencePlan(s, d, [
      { repId: 'a', group: 0 },
      { repId: 'b', group: 0 },
    ]);
    expect(plan.map((p) => [(p.at - d.start) / 60_000, p.repId, p.action])).toEqual([
      [0, 'a', 'logIn'],
      [30, 'b', 'logIn'],
      [60, 'a', 'break'],
      [60, 'b', 'logOut'],
      [90, 'a', 'return'],
      [120, 'a', 'logOut'],
    ]);
  });

  it('gives a mean with a 95% Student t interval (on the log(1 + x) scale) over the days that have the measure', () => {
    const e = estimate([1, 2, 3, null])!;
    expect(e.mean).toBe(2);
    expect(e.n).toBe(3);
    const ys = [2, 3, 4].map(Math.log);
    const my = ys.reduce((a, b) => a + b) / 3;
    const half = (4.303 * Math.sqrt(ys.reduce((s, y) => s + (y - my) ** 2, 0) / 2)) / Math.sqrt(3);
    expect(e.high).toBeCloseTo(Math.expm1(my + half), 4);
    expect(e.low).toBeCloseTo(Math.max(0, Math.expm1(my - half)), 4);
    expect(estimate([null])).toBeNull();
    expect(estimate([0.5])).toEqual({ mean: 0.5, low: 0.5, high: 0.5, n: 1 });
  });
});
