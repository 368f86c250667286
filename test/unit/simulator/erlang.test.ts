import { erlang, fewestServers } from '../../../lambdas/simulator/planning/erlang';
import { erlangC } from '../../support/simulation';

describe('Erlang A and C (planning/erlang.ts)', () => {
  it('is Erlang C without patience: the classic closed forms for delay and service level', () => {
    const lambda = 60 / 3600;
    const f = erlang(5, { arrivalRate: lambda, meanHandleSeconds: 240 }, 20);
    const c = erlangC(5, lambda, 240);
    expect(f.pDelay).toBeCloseTo(c.pWait, 9);
    // M/M/n: P(W <= t) = 1 - P(W > 0) e^{-(nμ - λ)t}
    expect(f.serviceLevel).toBeCloseTo(1 - c.pWait * Math.exp(-(5 / 240 - lambda) * 20), 9);
    expect(f.pAbandon).toBe(0);
    expect(f.occupancy).toBeCloseTo(0.8, 9);
  });

  it('tends to Erlang C as patience grows without bound', () => {
    const c = erlang(5, { arrivalRate: 60 / 3600, meanHandleSeconds: 240 }, 20);
    const a = erlang(5, { arrivalRate: 60 / 3600, meanHandleSeconds: 240, meanPatienceSeconds: 1e9 }, 20);
    expect(a.pDelay).toBeCloseTo(c.pDelay, 5);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
    expect(a.pAbandon).toBeLessThan(1e-5);
  });

  it('balances the flow: answered work equals the busy reps (occupancy × n × μ = λ × (1 − P(abandon)))', () => {
    const n = 10;
    const f = erlang(n, { arrivalRate: 0.3, meanHandleSeconds: 30, meanPatienceSeconds: 60 }, 20);
    expect(f.occupancy * n * (1 / 30)).toBeCloseTo(0.3 * (1 - f.pAbandon), 6);
    expect(f.pAbandon).toBeGreaterThan(0);
    expect(f.serviceLevel).toBeGreaterThan(0);
    expect(f.serviceLevel).toBeLessThanOrEqual(1);
  });

  it('with patience it stays stable in overload: abandonment takes the excess', () => {
    const f = erlang(5, { arrivalRate: 2 * (5 / 240), meanHandleSeconds: 240, meanPatienceSeconds: 60 }, 20);
    expect(f.pAbandon).toBeGreaterThan(0.45);
    expect(f.pAbandon).toBeLessThan(0.55);
    expect(erlang(5, { arrivalRate: 2 * (5 / 240), meanHandleSeconds: 240 }, 20).serviceLevel).toBe(0);
  });

  it('finds the fewest reps: the answer meets the target and one fewer does not', () => {
    const load = { arrivalRate: 100 / 1800, meanHandleSeconds: 240 };
    const target = { serviceLevel: 0.8, serviceLevelSeconds: 20 };
    const n = fewestServers(load, target);
    expect(erlang(n, load, 20).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlang(n - 1, load, 20).serviceLevel).toBeLessThan(0.8);
    const patient = { ...load, meanPatienceSeconds: 120 };
    const m = fewestServers(patient, { ...target, maxAbandon: 0.02 });
    expect(erlang(m, patient, 20).pAbandon).toBeLessThanOrEqual(0.02);
    expect(erlang(m - 1, patient, 20).pAbandon > 0.02 || erlang(m - 1, patient, 20).serviceLevel < 0.8).toBe(true);
    expect(fewestServers({ arrivalRate: 0, meanHandleSeconds: 240 }, target)).toBe(0);
  });
});
