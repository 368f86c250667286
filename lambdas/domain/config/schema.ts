import * as z from 'zod';
import { MAX_CAPACITY } from '../routing/availability';
import { workSizeSchema } from './work-size';

/** Identifiers are used inside DynamoDB keys, so they must not contain the key separator. */
const id = z.string().regex(/^[A-Za-z0-9_.:@-]{1,64}$/, 'must be 1-64 letters, digits or _ . : @ -');
const positiveInt = z.number().int().positive();
const seconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600);

export const channelSchema = z
  .object({
    name: id,
    realTime: z.boolean(),
    /** Defaults to true for asynchronous channels when interruptible capacity is enabled. */
    interruptible: z.boolean().optional(),
    defaultSize: workSizeSchema.optional(),
    wrapUpSeconds: seconds.default(0),
  })
  .strict();

export const queueSchema = z
  .object({
    id,
    name: z.string().max(128).optional(),
    channel: id,
    priority: z.number().int().min(1).max(1000),
    routingModel: z.enum(['MostAvailable', 'LeastActive']),
    pushTimeoutSeconds: seconds.default(0),
    size: workSizeSchema,
    overflow: z.object({ afterSeconds: positiveInt, toQueue: id }).strict().optional(),
    agingSeconds: positiveInt.optional(),
    reofferDeclinedAfterSeconds: positiveInt.optional(),
    connectQueueArn: z.string().startsWith('arn:').optional(),
    /**
     * Whether skills-based work may use this queue's routing configuration (default true). A rep freeing capacity
     * reads one skills waiting list per such queue on its channels, so a center with many queues turns it off
     * where only queue-routed work arrives, keeping a pull's cost independent of the number of queues.
     */
    skillsRouting: z.boolean().default(true),
    /** Callback queues (channel `callback`): how failed dials are retried (semantics §9). */
    callbackRetry: z
      .object({
        maxAttempts: z.number().int().min(1).max(10).default(3),
        retryAfterSeconds: z.number().int().min(30).max(86400).default(600),
      })
      .strict()
      .optional(),
  })
  .strict();

export const skillSchema = z.object({ id, name: z.string().max(128).optional() }).strict();

export const statusSchema = z
  .object({
    id,
    name: z.string().min(1).max(128),
    channels: z.array(id),
  })
  .strict();

export const presenceConfigSchema = z
  .object({
    id,
    /** At most MAX_CAPACITY: a rep's place in the availability orders is kept as an exact integer. */
    capacity: positiveInt.max(MAX_CAPACITY),
    interruptibleCapacity: positiveInt.max(MAX_CAPACITY).optional(),
    autoAccept: z.boolean().default(false),
    allowDecline: z.boolean().default(true),
    declineReasons: z.array(z.string().min(1).max(128)).default([]),
    statusOnDecline: id.optional(),
    statusOnPushTimeout: id.optional(),
  })
  .strict();

export const groupSchema = z
  .object({
    id,
    name: z.string().min(1).max(128),
    presenceConfig: id,
    /** Name of the Amazon Connect routing profile this group maps to. */
    routingProfileName: z.string().max(127).optional(),
    /** Where this group's reps may transfer work (semantics §9): every destination of a kind, or only those listed. */
    transferDestinations: z
      .object({
        queues: z.union([z.literal('all'), z.array(id)]).default('all'),
        reps: z.union([z.literal('all'), z.array(id)]).default('all'),
        routingFlows: z.union([z.literal('all'), z.array(id)]).default('all'),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * A routing flow: named, versioned business logic (TypeScript, registered in lambdas/domain/routing-flows)
 * that looks at an item and returns a target. A failing flow sends the item to `fallbackQueue`.
 */
export const routingFlowSchema = z
  .object({
    name: id,
    version: z.number().int().min(1),
    fallbackQueue: id,
    description: z.string().max(256).optional(),
  })
  .strict();

export const repSchema = z
  .object({
    id,
    name: z.string().max(128).optional(),
    connectUserId: z.string().min(1).max(256).optional(),
    group: id,
    queues: z.array(id).default([]),
    skills: z.record(id, z.number().int().min(1).max(10)).default({}),
    /** Overrides the group's presence configuration. */
    presenceConfig: id.optional(),
  })
  .strict();

/** A supervisor (semantics §11): acts on the reps of the groups listed, and on work in the queues they serve. */
export const supervisorSchema = z
  .object({
    /** The user name the identity provider gives them (the same claim that names reps). */
    id,
    name: z.string().max(128).optional(),
    groups: z.array(id).min(1),
  })
  .strict();

export const contactCenterSchema = z
  .object({
    name: z.string().min(1).max(128),
    /** The center's time zone (IANA): "since midnight" figures count from its midnight. */
    timeZone: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone, e.g. Europe/London')
      .default('UTC'),
    /** Off: Amazon Connect routes calls itself; there is no hybrid inside one contact center. */
    unifiedRouting: z.boolean().default(true),
    interruptibleCapacityEnabled: z.boolean().default(false),
    channels: z.array(channelSchema).min(1),
    queues: z.array(queueSchema).min(1),
    skills: z.array(skillSchema).default([]),
    statuses: z.array(statusSchema).min(1),
    presenceConfigs: z.array(presenceConfigSchema).min(1),
    groups: z.array(groupSchema).min(1),
    reps: z.array(repSchema).default([]),
    routingFlows: z.array(routingFlowSchema).default([]),
    supervisors: z.array(supervisorSchema).default([]),
  })
  .strict();

export type WorkSize = z.infer<typeof workSizeSchema>;
export type ChannelInput = z.infer<typeof channelSchema>;
export type QueueConfig = z.infer<typeof queueSchema>;
export type StatusConfig = z.infer<typeof statusSchema>;
export type PresenceConfig = z.infer<typeof presenceConfigSchema>;
export type GroupConfig = z.infer<typeof groupSchema>;
export type RepConfig = z.infer<typeof repSchema>;
export type RoutingFlowConfig = z.infer<typeof routingFlowSchema>;
export type SupervisorConfig = z.infer<typeof supervisorSchema>;
export type ContactCenterInput = z.infer<typeof contactCenterSchema>;

/** A channel with its defaults resolved. */
export interface ChannelConfig extends ChannelInput {
  readonly interruptible: boolean;
}

/** The validated configuration, with channel defaults resolved. */
export interface ContactCenterConfig extends Omit<ContactCenterInput, 'channels'> {
  readonly channels: ChannelConfig[];
}

/** The configuration as written in JSON: fields with defaults may be left out. */
export type ContactCenterJson = z.input<typeof contactCenterSchema>;
