import { invalidInput } from '../domain/input-problems';
import type { ContactEvent } from '../domain/use-cases/contact-events';
import * as z from '../domain/zod';

/** The event types routing acts on; AWS adds others over time (PAUSED, RESUMED, AMD_DISABLED, ...). */
const ROUTED = [
  'INITIATED',
  'CONNECTED_TO_SYSTEM',
  'QUEUED',
  'CONNECTED_TO_AGENT',
  'CONTACT_DATA_UPDATED',
  'DISCONNECTED',
  'COMPLETED',
] as const;

/** Some documented samples use PascalCase keys; camelCase is canonical (reference §5.1), so both are read. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelKeys(v)]),
  );
}

const step = z.looseObject({ status: z.optional(z.string()) });
const criteria = z.looseObject({ steps: z.optional(z.array(step)) });

/**
 * The data model calls routing criteria a list, and AWS's "connected to an agent using routing criteria" samples
 * send an array; its step-expiry sample (and Salesforce's production handler) send one object. Both are read, as
 * a list of criteria or, defensively, a list of steps.
 */
const routingCriteria = z.pipe(
  z.transform((value) => {
    if (!Array.isArray(value)) return value;
    const steps = value.flatMap((c) => (c && typeof c === 'object' && Array.isArray(c.steps) ? c.steps : [c]));
    return { steps };
  }),
  criteria,
);

/** The envelope and event type, read first: an event type routing does not know is acknowledged, not failed. */
const envelope = z.looseObject({
  source: z.literal('aws.connect'),
  'detail-type': z.literal('Amazon Connect Contact Event'),
  detail: z.pipe(
    z.transform(camelKeys),
    z.looseObject({ eventType: z.string().check(z.minLength(1), z.maxLength(64)) }),
  ),
});

/** A routed event type's detail: what routing reads is validated; every other field is ignored, as AWS asks. */
const routedDetail = z.looseObject({
  contactId: z.string().check(z.minLength(1), z.maxLength(256)),
  channel: z.string().check(z.minLength(1), z.maxLength(32)),
  eventType: z.enum(ROUTED),
  agentInfo: z.optional(
    z.looseObject({
      agentArn: z.optional(z.string().check(z.maxLength(512))),
      connectedToAgentTimestamp: z.optional(z.iso.datetime({ offset: true })),
    }),
  ),
  updatedProperties: z.optional(z.array(z.string())),
  previousContactId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  disconnectReason: z.optional(z.string().check(z.maxLength(128))),
  routingCriteria: z.optional(routingCriteria),
});

const routedEvent = z.extend(envelope, { detail: z.pipe(z.transform(camelKeys), routedDetail) });

export type ParsedContactEvent =
  | { readonly kind: 'routed'; readonly voice: boolean; readonly event: ContactEvent }
  | { readonly kind: 'unknownType'; readonly eventType: string };

/**
 * An Amazon Connect contact event (EventBridge source aws.connect, detail-type Amazon Connect Contact Event), as
 * AWS documents it. Malformed input of a routed type is an InvalidInputError naming the field (semantics §12).
 */
export function parseContactEvent(input: unknown): ParsedContactEvent {
  const outer = envelope.safeParse(input);
  if (!outer.success) throw invalidInput(outer.error);
  const eventType = outer.data.detail.eventType;
  if (!(ROUTED as readonly string[]).includes(eventType)) return { kind: 'unknownType', eventType };
  const routed = routedEvent.safeParse(input);
  if (!routed.success) throw invalidInput(routed.error);
  const detail = routed.data.detail;
  return { kind: 'routed', voice: detail.channel.toUpperCase() === 'VOICE', event: toContactEvent(detail) };
}

function toContactEvent(detail: z.infer<typeof routedDetail>): ContactEvent {
  const connected = detail.agentInfo?.connectedToAgentTimestamp;
  const stepExpired =
    (detail.updatedProperties ?? []).includes('RoutingCriteria.Step.Status') &&
    (detail.routingCriteria?.steps ?? []).some((s) => s.status === 'EXPIRED');
  // An agent's ARN ends in /agent/<user id>; AgentsCriteria name agents by that id.
  const agentId = detail.agentInfo?.agentArn?.match(/\/agent\/([^/]+)$/)?.[1];
  return {
    contactId: detail.contactId,
    eventType: detail.eventType,
    stepExpired,
    connectedToAgentAt: connected ? Date.parse(connected) : undefined,
    ...(agentId ? { agentId } : {}),
    previousContactId: detail.previousContactId,
    disconnectReason: detail.disconnectReason,
  };
}
