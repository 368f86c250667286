import fc from 'fast-check';
import { BREAK_FROM_HOURS, type BuiltShift, buildShifts } from '../../../lambdas/simulator/planning/shift-builder';

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
/** Minutes after the day's start; a shift may end at midnight or after. */
const after = (clock: string, dayStart: number, end = false) => {
  const m = (minutes(clock) - dayStart + 1440) % 1440;
  return end && m === 0 ? 1440 : m;
};

/** Reps on in each interval, from the shifts' clock times alone (not the builder's own arithmetic). */
function coverage(shifts: readonly BuiltShift[], n: number, intervalMinutes: number, dayStart: number): number[] {
  return Array.from({ length: n }, (_, j) => {
    const [from, to] = [j * intervalMinutes, (j + 1) * intervalMinutes];
    const on = (a: number, b: number) => Math.max(0, Math.min(to, b) - Math.max(from, a));
    return shifts.reduce((total, s) => {
      const [start, end] = [after(s.start, dayStart), after(s.end, dayStart, true)];
      const off = s.breaks.reduce((t, b) => t + on(after(b.start, dayStart), after(b.start, dayStart) + b.minutes), 0);
      return total + (s.reps * (on(start, end) - off)) / intervalMinutes;
    }, 0);
  });
}

describe('shifts from reps per interval (--shifts)', () => {
  it('a flat day of 8 hours with a break: one more person than needed, breaks staggered so three are always on', () => {
    const shifts = buildShifts(Array(16).fill(3), 30, 8 * 60, { hours: [8], breakMinutes: 30 });
    expect(shifts.every((s) => s.start === '08:00' && s.end === '16:00')).toBe(true);
    expect(shifts.reduce((n, s) => n + s.reps, 0)).toBe(4);
    // Each break in the middle third of the shift (10:40 to 13:20).
    for (const s of shifts) expect(minutes(s.breaks[0]!.start)).toBeGreaterThanOrEqual(10 * 60 + 40);
    for (const s of shifts) expect(minutes(s.breaks[0]!.start) + 30).toBeLessThanOrEqual(13 * 60 + 20);
    expect(Math.min(...coverage(shifts, 16, 30, 8 * 60))).toBeGreaterThanOrEqual(3);
  });

  it('without breaks, a flat day is exactly its reps on one shift', () => {
    expect(buildShifts(Array(8).fill(2), 60, 9 * 60, { hours: [8, 4], breakMinutes: 0 })).toEqual([
      { reps: 2, start: '09:00', end: '17:00', breaks: [] },
    ]);
  });

  it('covers every interval with shifts of the allowed lengths, breaks only in long shifts and within them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(15, 30, 60),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 4, maxLength: 40 }),
        fc.subarray([4, 6, 8], { minLength: 1 }),
        fc.constantFrom(0, 30, 60),
        (interval, required, hours, breakMinutes) => {
          const shifts = buildShifts(required, interval, 7 * 60, { hours, breakMinutes });
          const cover = coverage(shifts, required.length, interval, 7 * 60);
          cover.forEach((c, j) => {
            expect(c).toBeGreaterThanOrEqual(required[j]! - 1e-9);
          });
          const at = (clock: string, end = false) => after(clock, 7 * 60, end);
          for (const s of shifts) {
            const length = at(s.end, true) - at(s.start);
            expect(hours.map((h) => h * 60)).toContain(length);
            expect(s.breaks).toHaveLength(breakMinutes > 0 && length >= BREAK_FROM_HOURS * 60 ? 1 : 0);
            for (const b of s.breaks) {
              expect(at(b.start)).toBeGreaterThan(at(s.start));
              expect(at(b.start) + b.minutes).toBeLessThan(at(s.end, true));
            }
          }
          // Nothing when nothing is needed.
          if (required.every((r) => r === 0)) expect(shifts).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
