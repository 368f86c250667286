import * as z from '../zod';
import type { RoutingEvent, RoutingEventType } from './events';

/** Bumped when an event's shape changes incompatibly; subscribers read it from `detail.schemaVersion`. */
export const EVENT_SCHEMA_VERSION = 1;

const at = z.number().check(z.int(), z.describe('epoch milliseconds when it happened'));
/** Every event's id, stable across redeliveries (the commit's outbox entry and the position in it). */
const eventId = z.optional(z.string()).check(z.describe('stable across redeliveries: de-duplicate by it'));
const item = {
  at,
  eventId,
  itemId: z.string(),
  itemVersion: z
    .optional(z.number().check(z.int()))
    .check(z.describe('the item version after the change: order and de-duplicate by it')),
};
const offer = { ...item, offerId: z.string(), repId: z.string() };
const transferTo = z.strictObject({ kind: z.enum(['rep', 'queue', 'skills']), id: z.string() });
const reasons = z.enum([
  'loggedOut',
  'statusExcludesChannel',
  'noCapacity',
  'notInQueue',
  'missingSkill',
  'notPreferredRep',
  'declinedThisSession',
  'connectCannotDeliver',
]);

/** The event catalogue of semantics §10: one schema per event type, the source of docs/events/*.json. */
export const eventSchemas = {
  'work.queued': z.strictObject({
    type: z.literal('work.queued'),
    ...item,
    channel: z.string(),
    queueId: z.string(),
    source: z.string(),
    reason: z.enum([
      'submitted',
      'declined',
      'timedOut',
      'rescinded',
      'overflowed',
      'fellBack',
      'transferred',
      'callbackDue',
      'recordingArrived',
      'repUnreachable',
    ]),
  }),
  'offer.created': z.strictObject({
    type: z.literal('offer.created'),
    ...offer,
    channel: z.string(),
    queueId: z.string(),
    pool: z.enum(['primary', 'interruptible']),
    units: z.number(),
    expiresAt: z.optional(at),
    declinable: z.boolean(),
    explanation: z
      .strictObject({
        considered: z.number().check(z.int()),
        eligible: z.number().check(z.int()),
        routingModel: z.enum(['MostAvailable', 'LeastActive']),
        ineligibleByReason: z.partialRecord(reasons, z.number().check(z.int())),
        ineligible: z.readonly(z.array(z.object({ repId: z.string(), reason: reasons }))),
      })
      .check(z.describe('why this rep: how many reps were considered and why the others were not eligible')),
  }),
  'offer.accepted': z.strictObject({ type: z.literal('offer.accepted'), ...offer, waitMs: z.number() }),
  'offer.declined': z.strictObject({ type: z.literal('offer.declined'), ...offer, reason: z.optional(z.string()) }),
  'offer.timedOut': z.strictObject({ type: z.literal('offer.timedOut'), ...offer }),
  'offer.rescinded': z.strictObject({ type: z.literal('offer.rescinded'), ...offer, reason: z.string() }),
  'work.assigned': z.strictObject({ type: z.literal('work.assigned'), ...offer, channel: z.string() }),
  'work.wrapUpStarted': z.strictObject({ type: z.literal('work.wrapUpStarted'), ...offer, wrapUpEndsAt: at }),
  'work.completed': z.strictObject({ type: z.literal('work.completed'), ...item, repId: z.optional(z.string()) }),
  'work.canceled': z.strictObject({
    type: z.literal('work.canceled'),
    ...item,
    reason: z.string(),
    repId: z.optional(z.string()),
  }),
  'work.overflowed': z.strictObject({
    type: z.literal('work.overflowed'),
    ...item,
    fromQueue: z.string(),
    toQueue: z.string(),
  }),
  'work.fellBack': z.strictObject({
    type: z.literal('work.fellBack'),
    ...item,
    to: z.enum(['queue', 'skills']),
    reason: z.string(),
  }),
  'skills.relaxed': z.strictObject({
    type: z.literal('skills.relaxed'),
    ...item,
    dropped: z.readonly(z.array(z.string())),
  }),
  'work.transferRequested': z
    .strictObject({
      type: z.literal('work.transferRequested'),
      ...item,
      fromRepId: z.string(),
      to: transferTo,
      via: z.optional(z.string()).check(z.describe('the routing flow (name@version) that chose the target')),
    })
    .check(z.describe('a voice transfer was asked for; it completes when Connect reports the call left the rep')),
  'work.transferred': z.strictObject({
    type: z.literal('work.transferred'),
    ...item,
    fromRepId: z.string(),
    to: transferTo,
    via: z.optional(z.string()),
  }),
  'routingFlow.failed': z.strictObject({
    type: z.literal('routingFlow.failed'),
    ...item,
    flow: z.string(),
    error: z.string(),
    fallbackQueue: z.string(),
  }),
  'callback.requested': z.strictObject({
    type: z.literal('callback.requested'),
    ...item,
    queueId: z.string(),
    dueAt: at,
    replacesItemId: z.optional(z.string()),
  }),
  'voicemail.awaitingRecording': z.strictObject({
    type: z.literal('voicemail.awaitingRecording'),
    ...item,
    queueId: z.string(),
    recordingDueBy: at,
    replacesItemId: z.optional(z.string()),
  }),
  'voicemail.recordingMissing': z.strictObject({
    type: z.literal('voicemail.recordingMissing'),
    ...item,
    queueId: z.string(),
    source: z.string(),
  }),
  'callback.dialed': z.strictObject({
    type: z.literal('callback.dialed'),
    ...item,
    repId: z.string(),
    attempt: z.number().check(z.int()),
    contactId: z.optional(z.string()),
  }),
  'callback.connected': z.strictObject({
    type: z.literal('callback.connected'),
    ...item,
    repId: z.string(),
    attempt: z.number().check(z.int()),
  }),
  'callback.attemptFailed': z.strictObject({
    type: z.literal('callback.attemptFailed'),
    ...item,
    repId: z.string(),
    attempt: z.number().check(z.int()),
    outcome: z.enum(['noAnswer', 'busy', 'failed', 'answeredNotConnected']),
    retryAt: z.optional(at).check(z.describe('absent when no attempt is left')),
  }),
  'callback.exhausted': z.strictObject({
    type: z.literal('callback.exhausted'),
    ...item,
    attempts: z.number().check(z.int()),
  }),
  'rep.presenceChanged': z.strictObject({
    type: z.literal('rep.presenceChanged'),
    at,
    eventId,
    repId: z.string(),
    loggedIn: z.boolean(),
    statusId: z.optional(z.string()),
    sessionId: z.optional(z.string()),
    reason: z.string(),
    by: z.optional(z.string()).check(z.describe('the supervisor who made the change, when it was not the rep')),
  }),
  'supervisor.acted': z.strictObject({
    type: z.literal('supervisor.acted'),
    ...item,
    by: z.string().check(z.describe("the supervisor's id: the audit trail")),
    action: z.enum(['assign', 'move', 'reprioritize']),
    repId: z.optional(z.string()).check(z.describe('assign: the rep offered the item')),
    fromQueue: z.optional(z.string()),
    toQueue: z.optional(z.string()),
    fromPriority: z.optional(z.number().check(z.int())),
    toPriority: z.optional(z.number().check(z.int())),
  }),
} as const satisfies Record<RoutingEventType, z.ZodMiniType>;

// Compile-time check that every event the domain can emit fits its published schema (the runtime test
// test/unit/domain/event-schemas.test.ts also parses real events strictly, so no field goes unpublished).
type Fits = {
  [T in RoutingEventType]: Extract<RoutingEvent, { type: T }> extends z.input<(typeof eventSchemas)[T]> ? true : false;
};
export const eventsFitSchemas: Fits[RoutingEventType] extends true ? true : never = true;

/** A short description of each event for the catalogue page. */
export const eventDescriptions: Record<RoutingEventType, string> = {
  'work.queued': 'An item is waiting: newly submitted, or back in its queue after a decline, timeout or rescind.',
  'offer.created': 'Capacity was reserved on a rep and the item offered to them, with the reasons for the choice.',
  'offer.accepted': 'The rep accepted (for voice: Amazon Connect connected the call).',
  'offer.declined': 'The rep declined the offer; the item is queued again and not offered to that login session.',
  'offer.timedOut': 'The push timeout passed without an answer.',
  'offer.rescinded': 'The router took the offer back (logout, outbound call); not counted as a decline.',
  'work.assigned': "The item is the rep's.",
  'work.wrapUpStarted': 'The work ended; after-contact work keeps the capacity until wrapUpEndsAt.',
  'work.completed': 'The work is done and the capacity released.',
  'work.canceled': 'The customer left (e.g. hung up) before the work was assigned.',
  'work.overflowed': 'The item waited too long and moved to another queue.',
  'work.fellBack': 'Direct-to-rep or skills routing fell back to the queue or to skills.',
  'skills.relaxed': 'Additional skill requirements were dropped after their time.',
  'work.transferRequested': 'A rep asked to transfer a call; it moves when Connect reports the call left them.',
  'work.transferred':
    'A rep transferred the item to a rep (an offer without decline), a queue or skills (via a routing flow).',
  'routingFlow.failed':
    "A routing flow threw or returned an unusable target; the item went to the flow's fallback queue.",
  'callback.requested':
    "A caller asked to be called back, now or at dueAt; from a waiting call (replacesItemId), in that call's place.",
  'voicemail.awaitingRecording':
    "A caller is leaving a voicemail; it is routed once Connect writes the recording, in the call's place in line.",
  'voicemail.recordingMissing': 'No recording arrived by recordingDueBy: the voicemail is canceled and reported.',
  'callback.dialed': 'A rep accepted the callback and the router started the outbound call.',
  'callback.connected': 'The customer answered the callback.',
  'callback.attemptFailed': 'The dial was not answered, was busy or failed; retried at retryAt if attempts are left.',
  'callback.exhausted': 'Every attempt failed; the callback is completed as unreachable.',
  'rep.presenceChanged': 'A rep logged in, logged out or changed status (or a supervisor did it for them: `by`).',
  'supervisor.acted':
    'A supervisor assigned a waiting item to a rep, moved it to another queue or changed its priority (`by`).',
};
