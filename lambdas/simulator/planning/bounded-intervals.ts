/**
 * 95% intervals that stay inside their measure's range (issue #37). A mean over days of a proportion (service
 * level, abandonment, occupancy) is given the wider of two intervals, each inside [0, 1]: a Student-t interval on the
 * logit scale of the daily values (the day-to-day spread), and, where the counts are known, a Wilson score interval
 * on the counts pooled over the days (which is never of zero width, even for 100% on every day). A mean of a
 * quantity that cannot be negative (waits, counts, reps) gets a Student-t interval on the log(1 + x) scale. Each is
 * widened to take in the mean, so a skewed day never leaves the reported mean outside its own interval.
 */
export const INTERVAL_METHOD =
  'proportions: the wider of a Student-t interval on the logit scale of the daily values and a Wilson score ' +
  'interval on the pooled counts; waits and counts: a Student-t interval on the log(1 + x) scale';

/** The 97.5% quantile of Student's t for 1 to 30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const tQuantile = (df: number) => T975[df - 1] ?? 1.96 + 2.4 / df;
const Z = 1.959964;

/** A t interval of the mean of `xs` on a transformed scale, brought back by `back`. */
function tInterval(xs: readonly number[], to: (x: number) => number, back: (y: number) => number): [number, number] {
  const ys = xs.map(to);
  const n = ys.length;
  const mean = ys.reduce((s, y) => s + y, 0) / n;
  if (n === 1) return [back(mean), back(mean)];
  const sd = Math.sqrt(ys.reduce((s, y) => s + (y - mean) ** 2, 0) / (n - 1));
  const half = (tQuantile(n - 1) * sd) / Math.sqrt(n);
  return [back(mean - half), back(mean + half)];
}

/** Wilson's score interval for `x` successes in `n` trials (in [0, 1] by construction). */
export function wilson(x: number, n: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = x / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / (1 + (Z * Z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** A daily proportion's logit, kept finite: 0 and 1 are moved in by half a count (or a thousandth, with none). */
const logitOf = (p: number, n?: number) => {
  const e = n && n > 0 ? 0.5 / (n + 1) : 0.001;
  const q = Math.min(1 - e, Math.max(e, p));
  return Math.log(q / (1 - q));
};
const expit = (y: number) => 1 / (1 + Math.exp(-y));

export function proportionInterval(
  days: readonly { readonly p: number; readonly x?: number; readonly n?: number }[],
): [number, number] {
  const mean = days.reduce((s, d) => s + d.p, 0) / days.length;
  const trials = days.reduce((s, d) => s + (d.n ?? 0), 0);
  const ys = days.map((d) => logitOf(d.p, d.n));
  let [low, high] = tInterval(ys, (y) => y, expit);
  if (days.every((d) => d.n !== undefined && d.x !== undefined) && trials > 0) {
    const [wl, wh] = wilson(
      days.reduce((s, d) => s + d.x!, 0),
      trials,
    );
    low = Math.min(low, wl);
    high = Math.max(high, wh);
  }
  return [Math.max(0, Math.min(low, mean)), Math.min(1, Math.max(high, mean))];
}

export function nonNegativeInterval(xs: readonly number[]): [number, number] {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const [low, high] = tInterval(
    xs,
    (x) => Math.log1p(Math.max(0, x)),
    (y) => Math.max(0, Math.expm1(y)),
  );
  return [Math.min(low, mean), Math.max(high, mean)];
}
