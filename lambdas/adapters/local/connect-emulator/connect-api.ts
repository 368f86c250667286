import type {
  RoutingCriteriaInputStep,
  StartOutboundVoiceContactResponse,
  UserPhoneConfig,
} from '@aws-sdk/client-connect';
import { ConnectReadApi } from './connect-reads';
import { ConnectApiError, type ConnectInstance, invalid, notFound } from './instance';
import { enqueue, PARKING_STEPS } from './people';
import { clearMissed, endAfterContactWork, routeQueued, setRoutingCriteria, setStatus } from './routing-engine';

import { EmulatedTags } from './tags';
import type { Wire } from './user-data';

/** How a dial (StartOutboundVoiceContact) goes for the customer: the test or the live center decides. */
export type DialAnswer = 'answer' | 'noAnswer' | 'busy';

/**
 * The Connect operations the router calls, over the emulated instance: each checks what the service checks
 * (the resource exists, the request is valid) and answers the SDK's output shape.
 */
export class ConnectApi extends ConnectReadApi {
  readonly tags: EmulatedTags;
  private readonly throttles = new Map<string, number>();

  constructor(
    instance: ConnectInstance,
    private readonly dials: { answer?: (phoneNumber: string) => DialAnswer } = {},
  ) {
    super(instance);
    this.tags = new EmulatedTags(instance);
  }

  /**
   * The next `times` calls of `operation` are refused as Connect refuses a call over its quota: ThrottlingException,
   * HTTP 429 (best-practices-connect-apis), so tests and drills can make the account's quota run out.
   */
  throttle(operation: 'PutUserStatus' | 'UpdateContactRoutingData' | 'DismissUserContact', times: number): void {
    this.throttles.set(operation, times);
  }

  private admit(operation: string): void {
    const left = this.throttles.get(operation) ?? 0;
    if (left <= 0) return;
    this.throttles.set(operation, left - 1);
    throw new ConnectApiError('ThrottlingException', 429, 'Rate exceeded');
  }

  /** Replaces the contact's routing criteria; a contact that ended (or never was) is ResourceNotFound. */
  updateContactRoutingData(instanceId: string, contactId: string, body: { RoutingCriteria?: { Steps?: unknown[] } }) {
    this.admit('UpdateContactRoutingData');
    this.checkInstance(instanceId);
    const contact = this.instance.contact(contactId);
    if (contact.state === 'ENDED' || contact.state === 'AFTER_CONTACT_WORK') throw notFound(`contact ${contactId}`);
    const steps = body.RoutingCriteria?.Steps;
    if (!Array.isArray(steps) || steps.length === 0) throw invalid('RoutingCriteria.Steps must not be empty');
    // [Undocumented: whether criteria set before the contact is queued take effect then (reference §7.3); the
    // emulator keeps them and activates them on queueing, as a flow's Set routing criteria block does.]
    setRoutingCriteria(this.instance, contact, steps as RoutingCriteriaInputStep[]);
    routeQueued(this.instance);
    return {};
  }

  /** Sets the agent's status; on a contact (ringing, connected, after-contact work), the status after it. */
  putUserStatus(instanceId: string, userId: string, body: { AgentStatusId?: string }) {
    this.admit('PutUserStatus');
    this.checkInstance(instanceId);
    const user = this.instance.user(userId);
    const status = this.instance.status(body.AgentStatusId ?? '');
    setStatus(this.instance, user, status.id);
    return {};
  }

  updateUserRoutingProfile(instanceId: string, userId: string, body: { RoutingProfileId?: string }) {
    this.checkInstance(instanceId);
    const user = this.instance.user(userId);
    const before = this.instance.snapshotSource(user);
    user.routingProfileId = this.instance.profile(body.RoutingProfileId ?? '').id;
    this.instance.emitAgent('STATE_CHANGE', user, before);
    routeQueued(this.instance);
    return {};
  }

  updateUserPhoneConfig(instanceId: string, userId: string, body: { PhoneConfig?: UserPhoneConfig }) {
    this.checkInstance(instanceId);
    const user = this.instance.user(userId);
    const config = body.PhoneConfig;
    if (!config?.PhoneType) throw invalid('PhoneConfig.PhoneType is required');
    const limit = config.AfterContactWorkTimeLimit ?? user.phoneConfig.AfterContactWorkTimeLimit;
    if (limit < 0) throw invalid('PhoneConfig.AfterContactWorkTimeLimit must be at least 0');
    const before = this.instance.snapshotSource(user);
    user.phoneConfig = {
      PhoneType: config.PhoneType,
      AutoAccept: config.AutoAccept ?? user.phoneConfig.AutoAccept,
      AfterContactWorkTimeLimit: limit,
    };
    // The agent event stream reports a change of auto-accept as a STATE_CHANGE (agent-event-stream-model).
    this.instance.emitAgent('STATE_CHANGE', user, before);
    return {};
  }

  /** Clears a missed (or errored) contact, or ends after-contact work: "returns the agent to an available state". */
  dismissUserContact(instanceId: string, userId: string, body: { ContactId?: string }) {
    this.admit('DismissUserContact');
    this.checkInstance(instanceId);
    const user = this.instance.user(userId);
    const held = user.contact;
    if (!held || held.contactId !== body.ContactId) throw notFound(`contact ${body.ContactId} of user ${userId}`);
    if (held.state === 'ENDED') endAfterContactWork(this.instance, user);
    else if (held.state === 'MISSED') clearMissed(this.instance, user);
    else throw invalid(`contact ${held.contactId} is ${held.state}: only a missed contact can be dismissed`);
    return {};
  }

  associateApprovedOrigin(instanceId: string, body: { Origin?: string }) {
    this.checkInstance(instanceId);
    if (!body.Origin) throw invalid('Origin is required');
    this.instance.approvedOrigins.add(body.Origin);
    return {};
  }

  listApprovedOrigins(instanceId: string) {
    this.checkInstance(instanceId);
    return { Origins: [...this.instance.approvedOrigins] };
  }

  /**
   * An outbound call to a customer, run through the given flow into a queue (callbacks). The same client token
   * is the same call (the API's idempotency). The customer answers, does not, or is busy, as `dials.answer` says.
   */
  startOutboundVoiceContact(body: {
    InstanceId?: string;
    DestinationPhoneNumber?: string;
    ClientToken?: string;
    QueueId?: string;
    Attributes?: Record<string, string>;
  }): Wire<StartOutboundVoiceContactResponse> {
    this.checkInstance(body.InstanceId ?? '');
    if (!body.DestinationPhoneNumber) throw invalid('DestinationPhoneNumber is required');
    const repeat = body.ClientToken && this.dialsByToken.get(body.ClientToken);
    if (repeat) return { ContactId: repeat };
    const contactId = this.outbound(body.DestinationPhoneNumber, body.QueueId, body.Attributes ?? {});
    if (body.ClientToken) this.dialsByToken.set(body.ClientToken, contactId);
    return { ContactId: contactId };
  }

  private readonly dialsByToken = new Map<string, string>();

  private outbound(phoneNumber: string, queueId: string | undefined, attributes: Record<string, string>): string {
    const inst = this.instance;
    const id = inst.nextId();
    const contact = {
      id,
      arn: `${inst.arn}/contact/${id}`,
      initiationMethod: 'OUTBOUND' as const,
      initiatedAt: inst.now(),
      state: 'IN_FLOW' as const,
      steps: [],
      attributes,
      phoneNumber,
      queueId,
    };
    inst.contacts.set(id, { ...contact });
    inst.emitContact('INITIATED', inst.contact(id));
    const answer = this.dials.answer?.(phoneNumber) ?? 'answer';
    if (answer !== 'answer') {
      const c = inst.contact(id);
      c.state = 'ENDED';
      c.disconnectedAt = inst.now();
      // Reasons documented for dials on the contact-events page; none names a busy line as such.
      c.disconnectReason = answer === 'busy' ? 'OUTBOUND_DESTINATION_ENDPOINT_ERROR' : 'OUTBOUND_ATTEMPT_FAILED';
      inst.emitContact('DISCONNECTED', c);
      inst.emitContact('COMPLETED', c);
    } else {
      // The callback flow parks the answered call as the inbound flow does (lib/connect/callback-flows.ts).
      setRoutingCriteria(inst, inst.contact(id), PARKING_STEPS);
      enqueue(inst, inst.contact(id), queueId);
    }
    return id;
  }
}
