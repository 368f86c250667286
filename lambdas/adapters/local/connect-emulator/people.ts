import type { RoutingCriteriaInputStep } from '@aws-sdk/client-connect';
import { parkingStep } from '../../connect/telephony';
import { type ConnectInstance, invalid } from './instance';
import type { EmulatedContact } from './model';
import {
  activateSteps,
  clearMissed,
  connectAgent,
  disconnect,
  endAfterContactWork,
  miss,
  routeQueued,
  setRoutingCriteria,
  setStatus,
} from './routing-engine';

/**
 * What people do to an emulated instance: customers call and hang up, agents open the softphone (CCP), answer,
 * reject, hold, hang up and close after-contact work. The live center's softphone stand-in and the tests act
 * through these, as a person acts through the CCP.
 */

/** The contact joins its queue: CONNECTED_TO_SYSTEM is past, QUEUED now, and its routing criteria start. */
export function enqueue(instance: ConnectInstance, contact: EmulatedContact, queueId: string | undefined): void {
  if (!queueId || !instance.queues.has(queueId)) throw invalid(`queue ${queueId} does not exist`);
  if (!contact.emittedSystem) instance.emitContact('CONNECTED_TO_SYSTEM', contact);
  contact.emittedSystem = true;
  contact.state = 'QUEUED';
  contact.queueId = queueId;
  contact.enqueuedAt = instance.now();
  activateSteps(instance, contact);
  instance.emitContact('QUEUED', contact);
  routeQueued(instance);
}

/** The steps the inbound flow's Set routing criteria block sets: `Routing` = `True`, which no agent meets. */
export const PARKING_STEPS: RoutingCriteriaInputStep[] = [parkingStep()];

export interface InboundCall {
  readonly phoneNumber?: string;
  readonly attributes?: Record<string, string>;
  /** The customer hangs up after this long unless an agent answered. */
  readonly patienceSeconds?: number;
}

/** A customer calls: the contact is created and in the inbound flow (INITIATED, then connected to the system). */
export function placeCall(instance: ConnectInstance, call: InboundCall): EmulatedContact {
  const id = instance.nextId();
  const contact: EmulatedContact = {
    id,
    arn: `${instance.arn}/contact/${id}`,
    initiationMethod: 'INBOUND',
    initiatedAt: instance.now(),
    state: 'IN_FLOW',
    steps: [],
    attributes: { ...call.attributes },
    phoneNumber: call.phoneNumber,
    abandonsAt: call.patienceSeconds !== undefined ? instance.now() + call.patienceSeconds * 1000 : undefined,
  };
  instance.contacts.set(id, contact);
  instance.emitContact('INITIATED', contact);
  instance.emitContact('CONNECTED_TO_SYSTEM', contact);
  contact.emittedSystem = true;
  setRoutingCriteria(instance, contact, PARKING_STEPS);
  return contact;
}

export function hangUpCustomer(instance: ConnectInstance, contactId: string): void {
  disconnect(instance, instance.contact(contactId), 'CUSTOMER_DISCONNECT');
}

/**
 * The agent opens or closes the CCP window. Closing it leaves Connect's state as it was: CCP v2 "does not
 * automatically set the agents' status to Offline if they just close the window" (automatic-logout), so no
 * event says so, and a call offered then rings where nobody can answer it.
 */
export function openSoftphone(instance: ConnectInstance, userId: string): void {
  instance.user(userId).softphone = 'open';
}
export function closeSoftphone(instance: ConnectInstance, userId: string): void {
  instance.user(userId).softphone = 'closed';
}

/** The agent signs in to the CCP: LOGIN ("an agent login to the contact center", agent-event-stream-model). */
export function signIn(instance: ConnectInstance, userId: string): void {
  const user = instance.user(userId);
  user.softphone = 'open';
  instance.emitAgent('LOGIN', user);
}

/**
 * The agent signs out of the CCP: LOGOUT, and the status Offline. [Undocumented: no page shows the status a
 * LOGOUT record carries; the emulator sets Offline, as the CCP's sign-out does.]
 */
export function signOut(instance: ConnectInstance, userId: string): void {
  const user = instance.user(userId);
  user.softphone = 'closed';
  user.status = { statusId: instance.statusNamed('Offline').id, since: instance.now() };
  instance.emitAgent('LOGOUT', user);
}

/** The agent answers the ringing call in the CCP (only an open softphone can). */
export function answer(instance: ConnectInstance, userId: string): void {
  const user = instance.user(userId);
  if (user.softphone !== 'open') throw invalid(`user ${userId} has no softphone open`);
  connectAgent(instance, user);
}

/** The agent rejects the ringing call: for voice it shows as MISSED (about-contact-states). */
export function reject(instance: ConnectInstance, userId: string): void {
  miss(instance, instance.user(userId));
}

export function hold(instance: ConnectInstance, userId: string, onHold: boolean): void {
  const user = instance.user(userId);
  const held = user.contact;
  if (!held || (held.state !== 'CONNECTED' && held.state !== 'CONNECTED_ONHOLD')) return;
  const before = instance.snapshotSource(user);
  held.state = onHold ? 'CONNECTED_ONHOLD' : 'CONNECTED';
  held.stateSince = instance.now();
  instance.emitAgent('STATE_CHANGE', user, before);
}

export function hangUpAgent(instance: ConnectInstance, userId: string): void {
  const held = instance.user(userId).contact;
  if (held && (held.state === 'CONNECTED' || held.state === 'CONNECTED_ONHOLD'))
    disconnect(instance, instance.contact(held.contactId), 'AGENT_DISCONNECT');
}

/** The agent chooses "Close contact" in the CCP: after-contact work ends, or a missed contact is cleared. */
export function closeContact(instance: ConnectInstance, userId: string): void {
  const user = instance.user(userId);
  if (user.contact?.state === 'ENDED') endAfterContactWork(instance, user);
  else clearMissed(instance, user);
}

/** The agent picks a status in the CCP. */
export function chooseStatus(instance: ConnectInstance, userId: string, statusName: string): void {
  setStatus(instance, instance.user(userId), instance.statusNamed(statusName).id);
}
