import { MAX_CAPACITY } from '../routing/availability';
import * as z from '../zod';
import { CONNECT_AGENT_DEFAULTS } from './connect-agent-defaults';
import { workSizeSchema } from './work-size';

/** Identifiers are used inside DynamoDB keys, so they must not contain the key separator. */
const id = z.string().check(z.regex(/^[A-Za-z0-9_.:@-]{1,64}$/, 'must be 1-64 letters, digits or _ . : @ -'));
const positiveInt = z.number().check(z.int(), z.positive());
const seconds = z.number().check(z.int(), z.gte(0), z.lte(7 * 24 * 3600));

export const channelSchema = z.strictObject({
  name: id,
  realTime: z.boolean(),
  /** Defaults to true for asynchronous channels when interruptible capacity is enabled. */
  interruptible: z.optional(z.boolean()),
  defaultSize: z.optional(workSizeSchema),
  wrapUpSeconds: z._default(seconds, 0),
});

export const queueSchema = z.strictObject({
  id,
  name: z.optional(z.string().check(z.maxLength(128))),
  channel: id,
  priority: z.number().check(z.int(), z.gte(1), z.lte(1000)),
  routingModel: z.enum(['MostAvailable', 'LeastActive']),
  pushTimeoutSeconds: z._default(seconds, 0),
  size: workSizeSchema,
  overflow: z.optional(z.strictObject({ afterSeconds: positiveInt, toQueue: id })),
  agingSeconds: z.optional(positiveInt),
  reofferDeclinedAfterSeconds: z.optional(positiveInt),
  connectQueueArn: z.optional(z.string().check(z.startsWith('arn:'))),
  /**
   * Whether skills-based work may use this queue's routing configuration (default true). A rep freeing capacity
   * reads one skills waiting list per such queue on its channels, so a center with many queues turns it off
   * where only queue-routed work arrives, keeping a pull's cost independent of the number of queues.
   */
  skillsRouting: z._default(z.boolean(), true),
  /**
   * What supervisors hold the queue to (the Command Center shows each figure against it): the share of work
   * answered within the service-level seconds, and the longest any work should wait.
   */
  targets: z._default(
    z.strictObject({
      serviceLevel: z._default(z.number().check(z.gte(0), z.lte(1)), 0.8),
      longestWaitSeconds: z._default(z.number().check(z.int(), z.gte(1), z.lte(86400)), 120),
    }),
    { serviceLevel: 0.8, longestWaitSeconds: 120 },
  ),
  /** Callback queues (channel `callback`): how failed dials are retried (semantics §9). */
  callbackRetry: z.optional(
    z.strictObject({
      maxAttempts: z._default(z.number().check(z.int(), z.gte(1), z.lte(10)), 3),
      retryAfterSeconds: z._default(z.number().check(z.int(), z.gte(30), z.lte(86400)), 600),
    }),
  ),
});

export const skillSchema = z.strictObject({ id, name: z.optional(z.string().check(z.maxLength(128))) });

const connectStatusName = z.string().check(z.minLength(1), z.maxLength(127));

export const statusSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(128)),
  channels: z.array(id),
  /**
   * The Amazon Connect agent status (its name) a rep in this status is set to. Default: the routable status when
   * the status has voice, else `connect.notRoutableStatus` (semantics §8).
   */
  connectStatus: z.optional(connectStatusName),
});

/** How the router and Amazon Connect keep one agent state (semantics §8). */
export const connectAgentsSchema = z.strictObject({
  /** Connect's routable status, the one a call is delivered in (every instance has `Available`). */
  routableStatus: z._default(connectStatusName, CONNECT_AGENT_DEFAULTS.routableStatus),
  /** The Connect status of a rep whose router status takes no calls. */
  notRoutableStatus: z._default(connectStatusName, CONNECT_AGENT_DEFAULTS.notRoutableStatus),
  /** The Connect status of a rep logged out of the router. */
  loggedOutStatus: z._default(connectStatusName, CONNECT_AGENT_DEFAULTS.loggedOutStatus),
  /** A missed call's agent is put back with DismissUserContact (else they stay missed until they clear it). */
  dismissMissedCalls: z._default(z.boolean(), CONNECT_AGENT_DEFAULTS.dismissMissedCalls),
  /** After-contact work in Connect (UserPhoneConfig) for reps the deploy places. @default the voice wrap-up */
  afterContactWorkSeconds: z.optional(z.number().check(z.int(), z.gte(1), z.lte(2_000_000))),
});

export const presenceConfigSchema = z.strictObject({
  id,
  /** At most MAX_CAPACITY: a rep's place in the availability orders is kept as an exact integer. */
  capacity: positiveInt.check(z.lte(MAX_CAPACITY)),
  interruptibleCapacity: z.optional(positiveInt.check(z.lte(MAX_CAPACITY))),
  autoAccept: z._default(z.boolean(), false),
  allowDecline: z._default(z.boolean(), true),
  declineReasons: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(128))), []),
  statusOnDecline: z.optional(id),
  statusOnPushTimeout: z.optional(id),
  /**
   * A rep with no workspace open for `workspaceClosedGraceSeconds` is set to this status, or logged out when none is
   * named (semantics §7): a closed workspace must not leave them routable.
   */
  statusOnWorkspaceClosed: z.optional(id),
  workspaceClosedGraceSeconds: z._default(z.number().check(z.int(), z.gte(0), z.lte(86_400)), 120),
});

export const groupSchema = z.strictObject({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(128)),
  presenceConfig: id,
  /** Name of the Amazon Connect routing profile this group maps to. */
  routingProfileName: z.optional(z.string().check(z.maxLength(127))),
  /** Where this group's reps may transfer work (semantics §9): every destination of a kind, or only those listed. */
  transferDestinations: z.optional(
    z.strictObject({
      queues: z._default(z.union([z.literal('all'), z.array(id)]), 'all'),
      reps: z._default(z.union([z.literal('all'), z.array(id)]), 'all'),
      routingFlows: z._default(z.union([z.literal('all'), z.array(id)]), 'all'),
    }),
  ),
});

/**
 * A routing flow: named, versioned business logic (TypeScript, registered in lambdas/domain/routing-flows)
 * that looks at an item and returns a target. A failing flow sends the item to `fallbackQueue`.
 */
export const routingFlowSchema = z.strictObject({
  name: id,
  version: z.number().check(z.int(), z.gte(1)),
  fallbackQueue: id,
  description: z.optional(z.string().check(z.maxLength(256))),
});

export const repSchema = z.strictObject({
  id,
  name: z.optional(z.string().check(z.maxLength(128))),
  connectUserId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  group: id,
  queues: z._default(z.array(id), []),
  skills: z._default(z.record(id, z.number().check(z.int(), z.gte(1), z.lte(10))), {}),
  /** Overrides the group's presence configuration. */
  presenceConfig: z.optional(id),
});

/** A supervisor (semantics §11): acts on the reps of the groups listed, and on work in the queues they serve. */
export const supervisorSchema = z.strictObject({
  /** The user name the identity provider gives them (the same claim that names reps). */
  id,
  name: z.optional(z.string().check(z.maxLength(128))),
  groups: z.array(id).check(z.minLength(1)),
});

export const contactCenterSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(128)),
  /** The center's time zone (IANA): "since midnight" figures count from its midnight. */
  timeZone: z._default(
    z.string().check(
      z.refine((tz) => {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone, e.g. Europe/London'),
    ),
    'UTC',
  ),
  /** Off: Amazon Connect routes calls itself; there is no hybrid inside one contact center. */
  unifiedRouting: z._default(z.boolean(), true),
  interruptibleCapacityEnabled: z._default(z.boolean(), false),
  channels: z.array(channelSchema).check(z.minLength(1)),
  queues: z.array(queueSchema).check(z.minLength(1)),
  skills: z._default(z.array(skillSchema), []),
  statuses: z.array(statusSchema).check(z.minLength(1)),
  presenceConfigs: z.array(presenceConfigSchema).check(z.minLength(1)),
  groups: z.array(groupSchema).check(z.minLength(1)),
  reps: z._default(z.array(repSchema), []),
  routingFlows: z._default(z.array(routingFlowSchema), []),
  supervisors: z._default(z.array(supervisorSchema), []),
  connect: z._default(connectAgentsSchema, { ...CONNECT_AGENT_DEFAULTS }),
});

export type WorkSize = z.infer<typeof workSizeSchema>;
export type ChannelInput = z.infer<typeof channelSchema>;
export type QueueConfig = z.infer<typeof queueSchema>;
export type StatusConfig = z.infer<typeof statusSchema>;
export type ConnectAgentsConfig = z.infer<typeof connectAgentsSchema>;
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
