import { chat } from './simulation';

/**
 * Published benchmark: the ContactCenters library's sample report (Buist and L'Ecuyer, Université de Montréal;
 * "Blend/multi-skill call center simulator" guide, section "Running simulations from the command line", listing
 * "Sample output of the simulator": model `singleQueue.xml`, experiment `repSimParamsStat.xml`, 300 independent
 * replications, 95% intervals; github.com/umontreal-simul/contactcenters, doc/msk/).
 *
 * Its model: one call type and one agent group, thirteen 1-hour periods from 8:00; expected arrivals per period
 * 100 150 150 180 200 150 150 150 120 100 80 70 60 (Poisson); agents 4 6 8 8 8 7 8 8 6 6 4 4 4; service
 * exponential with mean 100 s; a caller who must wait balks with probability 0.1, else waits with exponential
 * patience of mean 1000 s; the center opens empty and, after the last period, serves who is left.
 *
 * Two small differences in the measure, both far below the intervals compared: ContactCenters divides calls answered
 * within 20 s by arrivals less the calls that abandoned within 20 s (we divide by calls answered, so callers who
 * abandon after 20 s, rare with 1000 s of patience and waits of seconds, are left out), and it takes the ratio of
 * the replications' means (we take the mean of each day's ratio).
 */
export const ARRIVALS = [100, 150, 150, 180, 200, 150, 150, 150, 120, 100, 80, 70, 60];
const AGENTS = [4, 6, 8, 8, 8, 7, 8, 8, 6, 6, 4, 4, 4];
/** Published service level (20 s) per period: mean, and the 95% interval. */
export const PUBLISHED: readonly [number, number, number][] = [
  [0.781, 0.768, 0.794],
  [0.859, 0.848, 0.869],
  [0.975, 0.971, 0.978],
  [0.937, 0.931, 0.944],
  [0.901, 0.893, 0.91],
  [0.93, 0.923, 0.938],
  [0.974, 0.971, 0.978],
  [0.973, 0.97, 0.977],
  [0.935, 0.929, 0.942],
  [0.97, 0.966, 0.975],
  [0.873, 0.862, 0.884],
  [0.918, 0.91, 0.927],
  [0.947, 0.94, 0.953],
];
/** Published service level (20 s) over all periods. */
export const PUBLISHED_DAY: [number, number, number] = [0.925, 0.922, 0.927];

export const singleQueue = {
  name: 'ContactCenters singleQueue',
  seed: 13,
  dayStart: '08:00',
  intervalMinutes: 60,
  // A 14th hour with no arrivals and the last period's agents: the center serves who is left, as theirs does.
  durationMinutes: 14 * 60,
  serviceLevelSeconds: 20,
  channels: [{ name: 'chat', realTime: true }],
  queues: [chat({ id: 'inbound' })],
  repGroups: [{ name: 'Agents', count: 8, queues: ['inbound'], status: ['chat'], staffing: [...AGENTS, 4] }],
  arrivals: [
    {
      queue: 'inbound',
      perInterval: [...ARRIVALS, 0],
      handleSeconds: { distribution: 'exponential', mean: 100 },
      patienceSeconds: { distribution: 'exponential', mean: 1000 },
      balkProbability: 0.1,
    },
  ],
};

/**
 * The largest gap allowed between our estimate and a published one of the same figure: two independent estimates,
 * compared at a 5% error rate for the whole family of `comparisons` (Bonferroni: z = 2.89 for the 13 periods), plus a
 * point for the measure's small differences (above). Standard errors come from the 95% half-widths.
 */
export function allowedGap(ours: { low: number; high: number }, published: readonly number[], comparisons: 1 | 13) {
  const se = (low: number, high: number) => (high - low) / 2 / 1.96;
  // Two-sided normal quantiles at 1 - 0.05 / (2 × comparisons).
  const z = comparisons === 1 ? 1.96 : 2.89;
  return z * Math.hypot(se(ours.low, ours.high), se(published[1]!, published[2]!)) + 0.01;
}
