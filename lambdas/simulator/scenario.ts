import * as z from 'zod';
import { channelSchema, queueSchema } from '../domain/config/schema';
import { workSizeSchema } from '../domain/config/work-size';
import { formatPath } from '../domain/input-problems';
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

const repGroupSchema = z
  .object({
    name: z.string().min(1).optional(),
    count: z.number().int().min(1).max(20000),
    capacity: z.number().int().positive().default(100),
    interruptibleCapacity: z.number().int().positive().optional(),
    queues: z.array(z.string()).default([]),
    skills: z.record(z.string(), z.number().int().min(1).max(10)).default({}),
    /** Channels the reps' status makes them available for. */
    status: z.array(z.string()).min(1),
    autoAccept: z.boolean().default(false),
    allowDecline: z.boolean().default(true),
    /** Reps logged in per interval (a planner's staffing; above `count` adds reps). */
    staffing: z.array(z.number().int().min(0).max(20000)).optional(),
    /** Shifts with breaks and lunches; instead of `staffing`. */
    shifts: z.array(shiftSchema).optional(),
  })
  .strict();

const arrivalSchema = z
  .object({
    queue: z.string(),
    /** A steady Poisson rate; or `perInterval`. */
    perHour: positive.optional(),
    /** Expected arrivals in each interval of the day (Poisson, steady within the interval). */
    perInterval: z.array(z.number().min(0)).optional(),
    handleSeconds: distributionSchema,
    patienceSeconds: distributionSchema.optional(),
    /** The share of callers who hang up at once when no rep can take them on arrival (balking). */
    balkProbability: z.number().min(0).max(1).optional(),
    byInterval: z.array(intervalChange).optional(),
    skills: z.array(requirement).optional(),
    preferredRep: z
      .object({
        repId: z.string(),
        required: z.boolean().optional(),
        fallbackAfterSeconds: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    priority: z.number().int().min(1).max(1000).optional(),
    size: workSizeSchema.optional(),
    /** For a callback queue: how long after the request to call, and how the dials go. */
    callback: z
      .object({
        delaySeconds: distributionSchema.default({ distribution: 'fixed', mean: 0 }),
        answerProbability: z.number().min(0).max(1),
        busyProbability: z.number().min(0).max(1).default(0),
        ringSeconds: distributionSchema.default({ distribution: 'fixed', mean: 20 }),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The scenario file (docs/simulator.md); `examples/scenario.schema.json` is generated from this. */
export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1),
    seed: z.number().int().min(0).default(1),
    durationMinutes: positive,
    warmupMinutes: z.number().min(0).default(0),
    serviceLevelSeconds: z.number().min(0).default(20),
    /** The day's first interval starts at this time of day (the simulated clock is UTC). */
    dayStart: clockTime.default('08:00'),
    /** The planning interval: arrivals, staffing and the interval report use it. */
    intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30),
    /** Day-to-day variation: each simulated day's arrivals are multiplied by a Gamma draw with mean 1. */
    busyness: z
      .object({ distribution: z.literal('gamma'), shape: positive })
      .strict()
      .optional(),
    /** A schedule file (`--save-schedule` writes one) whose staffing replaces the rep groups' own. */
    schedule: z.string().optional(),
    /** An existing contact-center configuration (path relative to the scenario) instead of inline queues and reps. */
    contactCenter: z.string().optional(),
    /** With `contactCenter`: the status every rep logs in with (default: the first status). */
    loginStatus: z.string().optional(),
    /** With `contactCenter`: staffing or shifts for some of its groups (the others are on all day). */
    groupStaffing: z.array(groupStaffingSchema).optional(),
    channels: z.array(channelSchema.partial({ wrapUpSeconds: true })).optional(),
    queues: z.array(queueSchema).optional(),
    repGroups: z.array(repGroupSchema).optional(),
    arrivals: z.array(arrivalSchema).min(1),
    repBehavior: z
      .object({
        declineProbability: z.number().min(0).max(1).default(0),
        answerSeconds: distributionSchema.default({ distribution: 'fixed', mean: 0 }),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
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
  });

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
