import { z } from 'zod';
import type { ContactEvent } from '../domain/use-cases/contact-events';

const KNOWN = [
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

const detailSchema = z.preprocess(
  camelKeys,
  z
    .object({
      contactId: z.string().min(1).max(256),
      channel: z.string(),
      eventType: z.string(),
      agentInfo: z
        .object({ connectedToAgentTimestamp: z.iso.datetime({ offset: true }).optional() })
        .loose()
        .optional(),
      updatedProperties: z.array(z.string()).optional(),
      previousContactId: z.string().min(1).max(256).optional(),
      disconnectReason: z.string().max(128).optional(),
      routingCriteria: z
        .object({ steps: z.array(z.object({ status: z.string().optional() }).loose()).optional() })
        .loose()
        .optional(),
    })
    .loose(),
);

/** A contact event from Amazon Connect (EventBridge source aws.connect, detail-type Amazon Connect Contact Event). */
export const contactEventSchema = z
  .object({
    source: z.literal('aws.connect'),
    'detail-type': z.literal('Amazon Connect Contact Event'),
    detail: detailSchema,
  })
  .loose();

export function toContactEvent(detail: z.infer<typeof detailSchema>): ContactEvent {
  const eventType = (KNOWN as readonly string[]).includes(detail.eventType)
    ? (detail.eventType as ContactEvent['eventType'])
    : 'OTHER';
  const connected = detail.agentInfo?.connectedToAgentTimestamp;
  const stepExpired =
    (detail.updatedProperties ?? []).includes('RoutingCriteria.Step.Status') &&
    (detail.routingCriteria?.steps ?? []).some((s) => s.status === 'EXPIRED');
  return {
    contactId: detail.contactId,
    eventType,
    stepExpired,
    connectedToAgentAt: connected ? Date.parse(connected) : undefined,
    previousContactId: detail.previousContactId,
    disconnectReason: detail.disconnectReason,
  };
}
