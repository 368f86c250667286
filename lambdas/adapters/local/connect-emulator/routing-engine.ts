import type { Expression, RoutingCriteriaInputStep } from '@aws-sdk/client-connect';
import type { ConnectInstance } from './instance';
import type { EmulatedContact, EmulatedUser } from './model';

/**
 * Connect's routing of queued contacts, as the API reference describes it: a contact's routing criteria step
 * is offered only to an available agent who meets it and has the queue in their routing profile
 * (API_AgentsCriteria, API_RoutingCriteriaInput); a step with an expiry moves on to the next when it passes; when
 * every step is exhausted the contact goes to any agent in the queue (API_RoutingCriteriaInputStepExpiry).
 */

/** Emulated users have no proficiencies: an attribute condition (the parking step `Routing` = `True`) meets none. */
function meets(expression: Expression | undefined, user: EmulatedUser): boolean {
  if (!expression) return true;
  if (expression.AndExpression) return expression.AndExpression.every((e) => meets(e, user));
  if (expression.OrExpression) return expression.OrExpression.some((e) => meets(e, user));
  const condition = expression.AttributeCondition;
  if (!condition) return false;
  const agents = condition.MatchCriteria?.AgentsCriteria?.AgentIds;
  if (condition.ComparisonOperator === 'Match' && agents) return agents.includes(user.id);
  return false;
}

/** Available, on no contact (voice concurrency 1), with the contact's queue in the routing profile. */
export function canTake(instance: ConnectInstance, user: EmulatedUser, contact: EmulatedContact): boolean {
  if (instance.status(user.status.statusId).type !== 'ROUTABLE' || user.contact) return false;
  return contact.queueId !== undefined && instance.profile(user.routingProfileId).queueIds.includes(contact.queueId);
}

export function setRoutingCriteria(
  instance: ConnectInstance,
  contact: EmulatedContact,
  steps: RoutingCriteriaInputStep[],
) {
  contact.steps = steps.map((step) => ({ step, status: 'INACTIVE' as const }));
  if (contact.state !== 'IN_FLOW') activateSteps(instance, contact);
}

/** The criteria take effect once the contact is queued (a step's duration runs from its activation). */
export function activateSteps(instance: ConnectInstance, contact: EmulatedContact): void {
  contact.stepsActivatedAt = instance.now();
  const first = contact.steps[0];
  if (first) activate(instance, first);
}

function activate(instance: ConnectInstance, active: EmulatedContact['steps'][number]): void {
  active.status = 'ACTIVE';
  const seconds = active.step.Expiry?.DurationInSeconds;
  active.expiresAt = seconds !== undefined ? instance.now() + seconds * 1000 : undefined;
}

/** The step routing uses now; undefined once every step expired (then any agent in the queue). */
const activeStep = (contact: EmulatedContact) => contact.steps.find((s) => s.status === 'ACTIVE');

/** Offers every queued contact it can, oldest first, each to the agent longest in their status. */
export function routeQueued(instance: ConnectInstance): void {
  const queued = [...instance.contacts.values()]
    .filter((c) => c.state === 'QUEUED')
    .sort((a, b) => (a.enqueuedAt ?? 0) - (b.enqueuedAt ?? 0));
  const users = [...instance.users.values()].sort((a, b) => a.status.since - b.status.since);
  for (const contact of queued) {
    const step = activeStep(contact);
    const exhausted = contact.steps.length === 0 || contact.steps.every((s) => s.status === 'EXPIRED');
    const agent = users.find(
      (u) => canTake(instance, u, contact) && (exhausted || (step !== undefined && meets(step.step.Expression, u))),
    );
    if (agent) offer(instance, contact, agent);
  }
}

/** The call rings at the agent (CONNECTING); an auto-accepting agent with an open softphone is connected at once. */
function offer(instance: ConnectInstance, contact: EmulatedContact, user: EmulatedUser): void {
  const before = instance.snapshotSource(user);
  contact.state = 'OFFERED';
  contact.agentId = user.id;
  user.contact = { contactId: contact.id, state: 'CONNECTING', stateSince: instance.now() };
  instance.emitAgent('STATE_CHANGE', user, before);
  const answers = user.softphone === 'open' || !instance.autoAcceptNeedsSoftphone;
  if (user.phoneConfig.AutoAccept && answers) connectAgent(instance, user);
}

/** The agent answers the ringing call: CONNECTED_TO_AGENT, and the step that found them JOINED. */
export function connectAgent(instance: ConnectInstance, user: EmulatedUser): void {
  const contact = user.contact && instance.contacts.get(user.contact.contactId);
  if (!contact || user.contact?.state !== 'CONNECTING') return;
  const before = instance.snapshotSource(user);
  contact.state = 'CONNECTED';
  contact.connectedToAgentAt = instance.now();
  const step = activeStep(contact);
  if (step) step.status = 'JOINED';
  user.contact = { contactId: contact.id, state: 'CONNECTED', stateSince: instance.now() };
  instance.emitContact('CONNECTED_TO_AGENT', contact);
  instance.emitAgent('STATE_CHANGE', user, before);
}

/**
 * Not answered in time, or rejected (a rejected voice contact shows as MISSED): the agent stays in the missed
 * state until it is cleared (DismissUserContact or the CCP), and the contact goes back to its queue.
 */
export function miss(instance: ConnectInstance, user: EmulatedUser): void {
  const contact = user.contact && instance.contacts.get(user.contact.contactId);
  if (!contact || user.contact?.state !== 'CONNECTING') return;
  const before = instance.snapshotSource(user);
  user.contact = { contactId: contact.id, state: 'MISSED', stateSince: instance.now() };
  contact.state = 'QUEUED';
  contact.agentId = undefined;
  instance.emitAgent('STATE_CHANGE', user, before);
  routeQueued(instance);
}

/** A step's expiry passed: the next step is active (CONTACT_DATA_UPDATED names `RoutingCriteria.Step.Status`). */
export function expireStep(instance: ConnectInstance, contact: EmulatedContact): void {
  const index = contact.steps.findIndex((s) => s.status === 'ACTIVE');
  if (index < 0) return;
  contact.steps[index]!.status = 'EXPIRED';
  const next = contact.steps[index + 1];
  if (next) activate(instance, next);
  instance.emitContact('CONTACT_DATA_UPDATED', contact, ['RoutingCriteria.Step.Status']);
  routeQueued(instance);
}

/**
 * The next instant something is due: a ring that ends in a miss, a step expiry, a hang-up, an ACW limit, a heart
 * beat.
 */
export function dueTimes(instance: ConnectInstance): Array<{ at: number; run: () => void }> {
  const due: Array<{ at: number; run: () => void }> = [];
  for (const user of instance.users.values()) {
    const c = user.contact;
    if (c?.state === 'CONNECTING') due.push({ at: c.stateSince + instance.ringMs, run: () => miss(instance, user) });
    const limit = user.phoneConfig.AfterContactWorkTimeLimit;
    // A limit of 0 keeps the agent in after-contact work until they close the contact (API_UserPhoneConfig).
    if (c?.state === 'ENDED' && limit > 0)
      due.push({ at: c.stateSince + limit * 1000, run: () => endAfterContactWork(instance, user) });
    const beat = instance.heartBeatMs;
    // [Undocumented: what PreviousAgentSnapshot holds on a HEART_BEAT (fixtures README); the emulator sends null.]
    if (beat && user.softphone === 'open' && user.lastAgentEventAt !== undefined)
      due.push({ at: user.lastAgentEventAt + beat, run: () => instance.emitAgent('HEART_BEAT', user) });
  }
  for (const contact of instance.contacts.values()) {
    if (contact.state === 'QUEUED' || contact.state === 'OFFERED') {
      const step = activeStep(contact);
      if (step?.expiresAt !== undefined) due.push({ at: step.expiresAt, run: () => expireStep(instance, contact) });
    }
    if (contact.abandonsAt !== undefined && ['IN_FLOW', 'QUEUED', 'OFFERED'].includes(contact.state))
      due.push({ at: contact.abandonsAt, run: () => disconnect(instance, contact, 'CUSTOMER_DISCONNECT') });
  }
  return due.sort((a, b) => a.at - b.at);
}

/**
 * The call ends (either side hangs up). Connected: DISCONNECTED with the agent, who goes into after-contact work
 * (the contact ENDED on their side); otherwise DISCONNECTED then COMPLETED at once, with the same data.
 */
export function disconnect(instance: ConnectInstance, contact: EmulatedContact, reason: string): void {
  if (contact.state === 'ENDED' || contact.state === 'AFTER_CONTACT_WORK') return;
  const user = contact.agentId ? instance.users.get(contact.agentId) : undefined;
  const before = user && instance.snapshotSource(user);
  contact.disconnectedAt = instance.now();
  contact.disconnectReason = reason;
  if (contact.state === 'CONNECTED' && user) {
    contact.state = 'AFTER_CONTACT_WORK';
    user.contact = { contactId: contact.id, state: 'ENDED', stateSince: instance.now() };
    instance.emitContact('DISCONNECTED', contact);
    instance.emitAgent('STATE_CHANGE', user, before);
    return;
  }
  contact.state = 'ENDED';
  if (user?.contact?.contactId === contact.id) user.contact = undefined;
  instance.emitContact('DISCONNECTED', contact);
  instance.emitContact('COMPLETED', contact);
  if (user && before) instance.emitAgent('STATE_CHANGE', user, before);
  routeQueued(instance);
}

/** After-contact work ends (its limit, or the agent closed the contact): COMPLETED, and the next status applies. */
export function endAfterContactWork(instance: ConnectInstance, user: EmulatedUser): void {
  const contact = user.contact && instance.contacts.get(user.contact.contactId);
  if (!contact || user.contact?.state !== 'ENDED') return;
  const before = instance.snapshotSource(user);
  contact.state = 'ENDED';
  user.contact = undefined;
  if (user.nextStatusId) {
    user.status = { statusId: user.nextStatusId, since: instance.now() };
    user.nextStatusId = undefined;
  }
  instance.emitContact('COMPLETED', contact);
  instance.emitAgent('STATE_CHANGE', user, before);
  routeQueued(instance);
}

/** Runs everything due up to the instance's clock, in time order. */
export function runDue(instance: ConnectInstance): void {
  for (let next = dueTimes(instance)[0]; next && next.at <= instance.now(); next = dueTimes(instance)[0]) next.run();
}

/** A missed contact cleared (DismissUserContact or the CCP): the agent can be offered calls again. */
export function clearMissed(instance: ConnectInstance, user: EmulatedUser): void {
  if (user.contact?.state !== 'MISSED') return;
  const before = instance.snapshotSource(user);
  user.contact = undefined;
  instance.emitAgent('STATE_CHANGE', user, before);
  routeQueued(instance);
}

/** A status chosen while on a contact (not a missed one) is the status after it (API_PutUserStatus). */
export function setStatus(instance: ConnectInstance, user: EmulatedUser, statusId: string): void {
  const before = instance.snapshotSource(user);
  if (user.contact && user.contact.state !== 'MISSED') user.nextStatusId = statusId;
  else user.status = { statusId, since: instance.now() };
  instance.emitAgent('STATE_CHANGE', user, before);
  routeQueued(instance);
}
