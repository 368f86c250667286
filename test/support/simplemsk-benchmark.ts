import type { QueueIntervalCounts } from '../../lambdas/simulator/planning/interval-statistics';
import type { DayReport } from '../../lambdas/simulator/planning/replications';
import { chat } from './simulation';

/**
 * Published benchmark, multi-skill and multi-period: the ContactCenters library's example "A simple multi-skill
 * contact center" (Buist and L'Ecuyer, Université de Montréal; github.com/umontreal-simul/contactcenters,
 * doc/examples/simplemsk.tex, program SimpleMSK.java, its results SimpleMSK.res: 1000 independent days, 95%
 * intervals).
 */
const MINUTE = 60;
const PERIODS = 3;
/** Arrivals per minute, by contact type and two-hour period (their LAMBDA), times a Gamma(28.7, 28.7) busyness. */
const LAMBDA = [
  [4.2, 5.3, 3.2],
  [5.1, 4.3, 4.8],
  [6.3, 5.2, 4.8],
];
/** Agents per group and period; the last period's stay after it until the center is empty (their wrap-up). */
const AGENTS = [
  [12, 18, 9],
  [15, 20, 11],
];
/** Mean service and patience in minutes by the period the contact arrives in (1/MU and 1/NU), exponential. */
const SERVICE_MINUTES = [1 / 0.5, 1 / 0.6, 1 / 0.4];
const PATIENCE_MINUTES = [1 / 0.3, 1 / 0.4, 1 / 0.2];

const hourly = <T>(perPeriod: readonly T[], after: T) => [...perPeriod.flatMap((x) => [x, x]), after];
const exponential = (minutes: number) => ({ distribution: 'exponential', mean: minutes * MINUTE });
const byPeriod = [1, 2].map((p) => ({
  from: `${String(8 + 2 * p).padStart(2, '0')}:00`,
  handleSeconds: exponential(SERVICE_MINUTES[p]!),
  patienceSeconds: exponential(PATIENCE_MINUTES[p]!),
}));

const arrival = (type: number, extra: Record<string, unknown> = {}) => ({
  queue: `type${type}`,
  perInterval: hourly(
    LAMBDA[type]!.map((perMinute) => perMinute * 60),
    0,
  ),
  handleSeconds: exponential(SERVICE_MINUTES[0]!),
  patienceSeconds: exponential(PATIENCE_MINUTES[0]!),
  byInterval: byPeriod,
  ...extra,
});

export const simpleMsk = {
  name: 'ContactCenters SimpleMSK',
  seed: 29,
  dayStart: '08:00',
  intervalMinutes: 60,
  // Three two-hour periods, then an hour with no arrivals in which the last period's agents serve who is left.
  durationMinutes: (2 * PERIODS + 1) * 60,
  serviceLevelSeconds: 20,
  busyness: { distribution: 'gamma', shape: 28.7 },
  channels: [{ name: 'chat', realTime: true }],
  queues: [0, 1, 2].map((k) => chat({ id: `type${k}` })),
  repGroups: [
    {
      name: 'Group 0',
      count: 18,
      queues: ['type0'],
      skills: { type1: 1, group0: 1 },
      status: ['chat'],
      staffing: hourly(AGENTS[0]!, AGENTS[0]![2]!),
    },
    {
      name: 'Group 1',
      count: 20,
      queues: ['type2'],
      skills: { type1: 1 },
      status: ['chat'],
      staffing: hourly(AGENTS[1]!, AGENTS[1]![2]!),
    },
  ],
  arrivals: [
    arrival(0),
    // Group 0 first; group 1 when no rep of group 0 is free: an additional skill only group 0 has, dropped after 1 s.
    arrival(1, {
      skills: [
        { skill: 'type1', minLevel: 1 },
        { skill: 'group0', minLevel: 1, additional: true, dropAfterSeconds: 1 },
      ],
    }),
    arrival(2),
  ],
};

/** A published mean over their 1000 days and the days' standard deviation (their interval is mean ± 1.96 sd/√1000). */
type Published = readonly [mean: number, sd: number];
const PUBLISHED_DAYS = 1000;

/**
 * Their results (SimpleMSK.res): served and abandoned contacts a day, the service level (its standard deviation is
 * their delta-method one), and by type and period the contacts served within 20 s.
 */
export const PUBLISHED_MSK = {
  served: [4297.305, 437.605],
  abandoned: [910.335, 551.164],
  serviceLevel: [0.501, 0.128],
  withinServiceLevel: [
    [
      [170.154, 93.722],
      [599.334, 83.392],
      [15.49, 27.52],
    ],
    [
      [262.936, 134.377],
      [511.648, 86.571],
      [34.697, 55.23],
    ],
    [
      [259.806, 155.15],
      [613.732, 99.046],
      [24.888, 44.327],
    ],
  ] as Published[][],
} as const satisfies Record<string, Published | Published[][]>;

/** One simulated day in their measures. */
export interface MskDay {
  readonly served: number;
  readonly abandoned: number;
  /** Served within 20 s, and their service level's denominator: served plus abandoned after 20 s. */
  readonly withinServiceLevel: number;
  readonly servedOrAbandonedLate: number;
  /** Served within 20 s by type and period (a period is two of our hourly intervals). */
  readonly withinByTypePeriod: number[][];
}

export function mskDay(run: DayReport): MskDay {
  const types = [0, 1, 2].map((k) => run.intervals.queues[`type${k}`]!);
  const all = types.flat();
  const total = (f: (c: QueueIntervalCounts) => number) => all.reduce((s, c) => s + f(c), 0);
  return {
    served: total((c) => c.answered),
    abandoned: total((c) => c.abandoned),
    withinServiceLevel: total((c) => c.withinServiceLevel),
    servedOrAbandonedLate: total((c) => c.answered + c.abandonedAfterServiceLevel),
    withinByTypePeriod: types.map((cells) =>
      Array.from(
        { length: PERIODS },
        (_, p) => cells[2 * p]!.withinServiceLevel + cells[2 * p + 1]!.withinServiceLevel,
      ),
    ),
  };
}

export interface Comparison {
  readonly figure: string;
  readonly ours: number;
  readonly published: number;
  /** The largest gap the two estimates may have (see below). */
  readonly allowed: number;
}

/**
 * Our days against each published figure: twelve comparisons as one family at a 5% error rate (Bonferroni, z = 2.87).
 * If our model is theirs, a day's figure has their standard deviation, so both means' standard errors come from it
 * (over a few days, our own would be too unsteady: most days serve almost nobody within 20 s in the third period,
 * a quiet day many). To that a slack is added for the model's two small differences, 1% of a count or a point of
 * service level:
 * - Group 0 is preferred for type 1 by an additional skill dropped after 1 s (their router overflows at once), so a
 *   type-1 contact that finds group 0 busy waits a second for group 1.
 * - When staffing drops, our reps who leave are fixed ones, who finish their work first; theirs are idle agents
 *   first, then busy ones as they finish. Capacity comes back a little sooner here in the minutes after a drop.
 * Their occupancy (group 0 until the last contact leaves) is not compared: our day ends with a whole hour, not when
 * the center empties.
 */
export function compareWithPublished(days: readonly MskDay[]): Comparison[] {
  const z = 2.865;
  const n = days.length;
  const against = (figure: string, ours: number, [published, sd]: Published, slack: number): Comparison => ({
    figure,
    ours,
    published,
    allowed: z * sd * Math.sqrt(1 / n + 1 / PUBLISHED_DAYS) + slack,
  });
  const mean = (pick: (d: MskDay) => number) => days.reduce((t, d) => t + pick(d), 0) / n;
  const count = (figure: string, pick: (d: MskDay) => number, published: Published) =>
    against(figure, mean(pick), published, 0.01 * published[0]);
  // Their service level is a ratio of the days' means.
  const serviceLevel = mean((d) => d.withinServiceLevel) / mean((d) => d.servedOrAbandonedLate);
  return [
    count('served a day', (d) => d.served, PUBLISHED_MSK.served),
    count('abandoned a day', (d) => d.abandoned, PUBLISHED_MSK.abandoned),
    against('service level (20 s)', serviceLevel, PUBLISHED_MSK.serviceLevel, 0.01),
    ...PUBLISHED_MSK.withinServiceLevel.flatMap((byPeriod, k) =>
      byPeriod.map((published, p) =>
        count(`type ${k}, period ${p + 1}: served within 20 s`, (d) => d.withinByTypePeriod[k]![p]!, published),
      ),
    ),
  ];
}
