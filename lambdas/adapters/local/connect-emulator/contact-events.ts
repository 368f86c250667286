import type { ContactEvent } from '../../../domain/use-cases/contact-events';
import type { ConnectInstance } from './instance';
import type { EmulatedContact } from './model';

/** The contact event types the emulator emits: those the router reads (the admin guide lists more). */
export type ContactEventType = ContactEvent['eventType'];

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The API's PascalCase step, in the camelCase the contact events' samples write it in. */
function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camel(v)]));
}

function routingCriteria(contact: EmulatedContact) {
  const index = contact.steps.findIndex((s) => s.status === 'ACTIVE');
  return {
    steps: contact.steps.map((s) => ({
      ...(s.step.Expiry
        ? { expiry: { durationInSeconds: s.step.Expiry.DurationInSeconds, expiryTimestamp: iso(s.expiresAt) } }
        : {}),
      expression: camel(s.step.Expression ?? {}),
      status: s.status,
    })),
    activationTimestamp: iso(contact.stepsActivatedAt),
    index: index < 0 ? contact.steps.length - 1 : index,
  };
}

/**
 * A contact event as EventBridge delivers it (admin guide, contact-events: the envelope and the detail's
 * camelCase fields of its samples). Only fields the samples show are written; `queueInfo` is left out of an
 * OUTBOUND contact, as the page says. `disconnectReason` is documented on the page for campaign dials only;
 * the emulator writes it on every DISCONNECTED of a dial that never connected [undocumented for other calls].
 */
export function contactEvent(
  instance: ConnectInstance,
  contact: EmulatedContact,
  eventType: ContactEventType,
  updatedProperties?: string[],
): unknown {
  const agent = contact.connectedToAgentAt !== undefined && contact.agentId && instance.users.get(contact.agentId);
  const queue = contact.queueId ? instance.queues.get(contact.queueId) : undefined;
  const ended = eventType === 'DISCONNECTED' || eventType === 'COMPLETED';
  const detail = {
    initiationTimestamp: iso(contact.initiatedAt),
    contactId: contact.id,
    ...(contact.previousContactId ? { previousContactId: contact.previousContactId } : {}),
    channel: 'VOICE',
    instanceArn: instance.arn,
    initiationMethod: contact.initiationMethod,
    eventType,
    ...(agent
      ? { agentInfo: { agentArn: agent.arn, connectedToAgentTimestamp: iso(contact.connectedToAgentAt) } }
      : {}),
    ...(queue && contact.initiationMethod !== 'OUTBOUND'
      ? { queueInfo: { queueType: 'STANDARD', queueArn: queue.arn, enqueueTimestamp: iso(contact.enqueuedAt) } }
      : {}),
    ...(ended ? { disconnectTimestamp: iso(contact.disconnectedAt) } : {}),
    ...(ended && contact.initiationMethod === 'OUTBOUND' && !agent && contact.disconnectReason
      ? { disconnectReason: contact.disconnectReason }
      : {}),
    ...(updatedProperties ? { updatedProperties, routingCriteria: routingCriteria(contact) } : {}),
    tags: { 'aws:connect:instanceId': instance.instanceId },
  };
  return {
    version: '0',
    id: instance.nextId(),
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: instance.accountId,
    time: new Date(instance.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: instance.region,
    resources: [contact.arn, instance.arn],
    detail,
  };
}
