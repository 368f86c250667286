import { channelSchema, queueSchema } from '../domain/config/schema';
import { workSizeSchema } from '../domain/config/work-size';
import { formatPath } from '../domain/input-problems';
import * as z from '../domain/zod';
import { planningProblems } from './planning/day';
import {
  clockTime,
  distributionSchema,
  groupStaffingSchema,
  intervalChange,
  positive,
  requirement,
  shiftSchema,
} from './scenario-parts';

const repGroupSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  count: z.number().check(z.int(), z.gte(1), z.lte(20000)),
  capacity: z._default(z.number().check(z.int(), z.positive()), 100),
  interruptibleCapacity: z.optional(z.number().check(z.int(), z.positive())),
  queues: z._default(z.array(z.string()), []),
  skills: z._default(z.record(z.string(), z.number().check(z.int(), z.gte(1), z.lte(10))), {}),
  /** Channels the reps' status makes them available for. */
  status: z.array(z.string()).check(z.minLength(1)),
  autoAccept: z._default(z.boolean(), false),
  allowDecline: z._default(z.boolean(), true),
  /** Reps logged in per interval (a planner's staffing; above `count` adds reps). */
  staffing: z.optional(z.array(z.number().check(z.int(), z.gte(0), z.lte(20000)))),
  /** Shifts with breaks and lunches; instead of `staffing`. */
  shifts: z.optional(z.array(shiftSchema)),
});

const arrivalSchema = z.strictObject({
  queue: z.string(),
  /** A steady Poisson rate; or `perInterval`. */
  perHour: z.optional(positive),
  /** Expected arrivals in each interval of the day (Poisson, steady within the interval). */
  perInterval: z.optional(z.array(z.number().check(z.gte(0)))),
  handleSeconds: distributionSchema,
  patienceSeconds: z.optional(distributionSchema),
  /** The share of callers who hang up at once when no rep can take them on arrival (balking). */
  balkProbability: z.optional(z.number().check(z.gte(0), z.lte(1))),
  byInterval: z.optional(z.array(intervalChange)),
  skills: z.optional(z.array(requirement)),
  preferredRep: z.optional(
    z.strictObject({
      repId: z.string(),
      required: z.optional(z.boolean()),
      fallbackAfterSeconds: z.optional(z.number().check(z.int(), z.gte(0))),
    }),
  ),
  priority: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
  size: z.optional(workSizeSchema),
  /** For a callback queue: how long after the request to call, and how the dials go. */
  callback: z.optional(
    z.strictObject({
      delaySeconds: z._default(distributionSchema, { distribution: 'fixed', mean: 0 }),
      answerProbability: z.number().check(z.gte(0), z.lte(1)),
      busyProbability: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
      ringSeconds: z._default(distributionSchema, { distribution: 'fixed', mean: 20 }),
    }),
  ),
});

/** The scenario file (docs/simulator.md); `examples/scenario.schema.json` is generated from this. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    name: z.string().check(z.minLength(1)),
    seed: z._default(z.number().check(z.int(), z.gte(0)), 1),
    durationMinutes: positive,
    warmupMinutes: z._default(z.number().check(z.gte(0)), 0),
    serviceLevelSeconds: z._default(z.number().check(z.gte(0)), 20),
    /** The day's first interval starts at this time of day (the simulated clock is UTC). */
    dayStart: z._default(clockTime, '08:00'),
    /** The planning interval: arrivals, staffing and the interval report use it. */
    intervalMinutes: z._default(z.union([z.literal(15), z.literal(30), z.literal(60)]), 30),
    /** Day-to-day variation: each simulated day's arrivals are multiplied by a Gamma draw with mean 1. */
    busyness: z.optional(z.strictObject({ distribution: z.literal('gamma'), shape: positive })),
    /** A schedule file (`--save-schedule` writes one) whose staffing replaces the rep groups' own. */
    schedule: z.optional(z.string()),
    /** An existing contact-center configuration (path relative to the scenario) instead of inline queues and reps. */
    contactCenter: z.optional(z.string()),
    /** With `contactCenter`: the status every rep logs in with (default: the first status). */
    loginStatus: z.optional(z.string()),
    /** With `contactCenter`: staffing or shifts for some of its groups (the others are on all day). */
    groupStaffing: z.optional(z.array(groupStaffingSchema)),
    channels: z.optional(z.array(z.partial(channelSchema, { wrapUpSeconds: true }))),
    queues: z.optional(z.array(queueSchema)),
    repGroups: z.optional(z.array(repGroupSchema)),
    arrivals: z.array(arrivalSchema).check(z.minLength(1)),
    repBehavior: z.optional(
      z.strictObject({
        declineProbability: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
        answerSeconds: z._default(distributionSchema, { distribution: 'fixed', mean: 0 }),
      }),
    ),
  })
  .check(
    z.superRefine((s, ctx) => {
      const inline = s.channels && s.queues && s.repGroups;
      if (!s.contactCenter && !inline)
        ctx.addIssue({
          code: 'custom',
          path: ['contactCenter'],
          message: 'give either contactCenter or channels, queues and repGroups',
        });
      if (s.contactCenter && (s.channels || s.queues || s.repGroups))
        ctx.addIssue({
          code: 'custom',
          path: ['contactCenter'],
          message: 'give contactCenter or inline channels/queues/repGroups, not both',
        });
      if (s.groupStaffing && !s.contactCenter)
        ctx.addIssue({
          code: 'custom',
          path: ['groupStaffing'],
          message: 'applies to a contactCenter; inline repGroups take staffing or shifts',
        });
      if (s.warmupMinutes >= s.durationMinutes)
        ctx.addIssue({ code: 'custom', path: ['warmupMinutes'], message: 'must be less than durationMinutes' });
    }),
  );

export type Scenario = z.infer<typeof scenarioSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type Arrival = z.infer<typeof arrivalSchema>;

export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** Validates a scenario, naming every problem (shape first, then references between its parts). */
export function validateScenario(input: unknown): ScenarioValidation {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`) };
  }
  const s = parsed.data;
  const problems: string[] = [];
  if (s.queues && s.channels) {
    const channels = new Set(s.channels.map((c) => c.name));
    const queues = new Set(s.queues.map((q) => q.id));
    s.queues.forEach((q, i) => {
      if (!channels.has(q.channel)) problems.push(`queues[${i}].channel: unknown channel '${q.channel}'`);
    });
    s.arrivals.forEach((a, i) => {
      if (!queues.has(a.queue)) problems.push(`arrivals[${i}].queue: unknown queue '${a.queue}'`);
    });
    const channelOf = new Map(s.queues.map((q) => [q.id, q.channel]));
    s.arrivals.forEach((a, i) => {
      const callbackQueue = channelOf.get(a.queue) === 'callback';
      if (callbackQueue !== (a.callback !== undefined))
        problems.push(`arrivals[${i}].callback: give it exactly for arrivals to a callback queue`);
      if (a.callback && a.callback.answerProbability + a.callback.busyProbability > 1)
        problems.push(`arrivals[${i}].callback.busyProbability: answer and busy probabilities add up to more than 1`);
    });
    s.repGroups?.forEach((g, i) => {
      g.queues.forEach((q, j) => {
        if (!queues.has(q)) problems.push(`repGroups[${i}].queues[${j}]: unknown queue '${q}'`);
      });
      g.status.forEach((c, j) => {
        if (!channels.has(c)) problems.push(`repGroups[${i}].status[${j}]: unknown channel '${c}'`);
      });
    });
  }
  problems.push(...planningProblems(s));
  return problems.length ? { ok: false, problems } : { ok: true, scenario: s };
}
