import fc from 'fast-check';
import { nonNegativeInterval, proportionInterval, wilson } from '../../../lambdas/simulator/planning/bounded-intervals';
import { estimate, estimateShare } from '../../../lambdas/simulator/planning/plan-report';

describe('95% intervals that respect their range (issue #37)', () => {
  it('reproduces the defect: a symmetric t interval of 89.6%, 70%, 100% leaves [0, 1]; the bounded one not', () => {
    // Three days of a service level like the (support-voice: 89.6% (77.4–101.9)).
    const days = [
      { x: 43, n: 48 },
      { x: 35, n: 50 },
      { x: 52, n: 52 },
    ];
    const ps = days.map((d) => d.x / d.n);
    const mean = ps.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(ps.reduce((s, p) => s + (p - mean) ** 2, 0) / 2);
    expect(mean + (4.303 * sd) / Math.sqrt(3)).toBeGreaterThan(1);
    const e = estimateShare(days)!;
    expect(e.low).toBeGreaterThanOrEqual(0);
    expect(e.high).toBeLessThanOrEqual(1);
    expect(e.low).toBeLessThanOrEqual(e.mean);
    expect(e.high).toBeGreaterThanOrEqual(e.mean);
  });

  it('gives 100% on every day an interval of its own width, not zero', () => {
    const e = estimateShare([
      { x: 50, n: 50 },
      { x: 40, n: 40 },
      { x: 45, n: 45 },
    ])!;
    expect(e.mean).toBe(1);
    expect(e.high).toBe(1);
    expect(e.low).toBeLessThan(0.99);
    expect(e.low).toBeGreaterThan(0.9);
    expect(wilson(135, 135)[0]).toBeCloseTo(e.low, 4);
  });

  it('keeps waits and counts at or above zero however the days spread', () => {
    const e = estimate([5.8, 0, 11.7])!;
    expect(e.low).toBeGreaterThanOrEqual(0);
    expect(e.high).toBeGreaterThan(e.mean);
  });

  it('holds for any days (fast-check): in range, and taking in the mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.nat(200), extra: fc.nat(200) }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (shares, amounts) => {
          const days = shares.map((s) => ({ x: s.x, n: s.x + s.extra })).filter((d) => d.n > 0);
          if (days.length) {
            const mean = days.reduce((a, d) => a + d.x / d.n, 0) / days.length;
            const [low, high] = proportionInterval(days.map((d) => ({ ...d, p: d.x / d.n })));
            expect(low >= 0 && high <= 1 && low <= mean + 1e-12 && high >= mean - 1e-12).toBe(true);
          }
          const m = amounts.reduce((a, b) => a + b, 0) / amounts.length;
          const [lo, hi] = nonNegativeInterval(amounts);
          expect(lo >= 0 && lo <= m + 1e-9 && hi >= m - 1e-9).toBe(true);
        },
      ),
    );
  });
});
