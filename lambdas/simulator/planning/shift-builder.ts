import { clockOf } from './day';

/** How `--shifts` cuts a group's reps per interval into shifts people can work. */
export interface ShiftRules {
  /** Shift lengths in hours, each a whole number of intervals. */
  readonly hours: readonly number[];
  /** One break of this many minutes in shifts of at least `BREAK_FROM_HOURS` (0: none). */
  readonly breakMinutes: number;
}

/** A shift as a scenario takes it: `reps` identical reps from `start` to `end`, with their breaks. */
export interface BuiltShift {
  readonly reps: number;
  readonly start: string;
  readonly end: string;
  readonly breaks: { readonly start: string; readonly minutes: number }[];
}

/** Shifts this long or longer get the break (a common rule: a meal break past six hours). */
export const BREAK_FROM_HOURS = 6;
const EPSILON = 1e-9;

interface Candidate {
  readonly start: number;
  readonly length: number;
  /** The break's start in minutes from the day's start, if any. */
  readonly breakAt?: number;
}

/**
 * Covers each interval's required reps with shifts, greedily from the first interval on: wherever coverage falls
 * short, it starts the shift (of the allowed lengths, inside the day, its break put where the need is lowest in the
 * middle third) that overstaffs least, longer first on ties, since fewer people is better. A break takes its minutes
 * out of the interval(s) it falls in, and the sweep covers that gap when it gets there. So every interval is covered
 * (checked by `coverage`), usually with some surplus: shifts cannot follow the requirement exactly.
 */
export function buildShifts(
  required: readonly number[],
  intervalMinutes: number,
  dayStartMinutes: number,
  rules: ShiftRules,
): BuiltShift[] {
  const n = required.length;
  const cover = new Array<number>(n).fill(0);
  const built: Candidate[] = [];
  const lengths = [...new Set(rules.hours.map((h) => Math.round((h * 60) / intervalMinutes)))].sort((a, b) => b - a);
  for (let i = 0; i < n; i++) {
    while (cover[i]! < required[i]! - EPSILON) {
      const best = bestShift(i, lengths, required, cover, intervalMinutes, rules.breakMinutes);
      if (!best) break;
      built.push(best);
      onTime(best, n, intervalMinutes, rules.breakMinutes).forEach((on, j) => {
        cover[j]! += on;
      });
    }
  }
  return merged(built, intervalMinutes, dayStartMinutes, rules.breakMinutes);
}

function bestShift(
  i: number,
  lengths: readonly number[],
  required: readonly number[],
  cover: readonly number[],
  intervalMinutes: number,
  breakMinutes: number,
): Candidate | undefined {
  const n = required.length;
  let best: { c: Candidate; waste: number } | undefined;
  for (const length of lengths) {
    // A shift starts at the short interval, or earlier so as to end with the day; one longer than the day runs past.
    const start = Math.max(0, Math.min(i, n - length));
    const c = withBreak({ start, length }, i, required, cover, intervalMinutes, breakMinutes);
    const on = onTime(c, n, intervalMinutes, breakMinutes);
    if (on[i]! <= EPSILON) continue;
    // Surplus inside the day, and paid intervals after it.
    const beyond = Math.max(0, start + length - n);
    const waste = on.reduce((w, x, j) => w + Math.max(0, cover[j]! + x - required[j]!), beyond);
    if (!best || waste < best.waste - EPSILON) best = { c, waste };
  }
  return best?.c;
}

/**
 * The break in the middle third of a long enough shift, on an interval boundary, where the need is lowest (after
 * the day's end, none), and never over the interval the shift is started for.
 */
function withBreak(
  c: Candidate,
  forInterval: number,
  required: readonly number[],
  cover: readonly number[],
  intervalMinutes: number,
  breakMinutes: number,
): Candidate {
  if (breakMinutes === 0 || c.length * intervalMinutes < BREAK_FROM_HOURS * 60) return c;
  // A break from interval k takes `breakMinutes`, which may reach into the next intervals.
  const overlaps = (k: number, j: number) =>
    k * intervalMinutes < (j + 1) * intervalMinutes && j * intervalMinutes < k * intervalMinutes + breakMinutes;
  const need = (k: number) => (k < required.length ? required[k]! - cover[k]! : Number.NEGATIVE_INFINITY);
  let at: number | undefined;
  for (let k = c.start + Math.ceil(c.length / 3); k <= c.start + Math.floor((2 * c.length) / 3); k++)
    if (!overlaps(k, forInterval) && (at === undefined || need(k) < need(at))) at = k;
  return at === undefined ? c : { ...c, breakAt: at * intervalMinutes };
}

/** The share of each interval a shift is on: whole intervals, less its break's overlap. */
export function onTime(c: Candidate, n: number, intervalMinutes: number, breakMinutes: number): number[] {
  return Array.from({ length: n }, (_, j) => {
    if (j < c.start || j >= c.start + c.length) return 0;
    if (c.breakAt === undefined) return 1;
    const [from, to] = [j * intervalMinutes, (j + 1) * intervalMinutes];
    const overlap = Math.max(0, Math.min(to, c.breakAt + breakMinutes) - Math.max(from, c.breakAt));
    return 1 - overlap / intervalMinutes;
  });
}

function merged(built: Candidate[], intervalMinutes: number, dayStartMinutes: number, breakMinutes: number) {
  const clock = (minutes: number) => clockOf(dayStartMinutes + minutes);
  const byShape = new Map<string, BuiltShift>();
  for (const c of built) {
    const shift: BuiltShift = {
      reps: 1,
      start: clock(c.start * intervalMinutes),
      end: clock((c.start + c.length) * intervalMinutes),
      breaks: c.breakAt === undefined ? [] : [{ start: clock(c.breakAt), minutes: breakMinutes }],
    };
    const key = JSON.stringify({ ...shift, reps: 0 });
    const same = byShape.get(key);
    byShape.set(key, same ? { ...same, reps: same.reps + 1 } : shift);
  }
  return [...byShape.values()].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}
