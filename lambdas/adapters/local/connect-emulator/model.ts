import type { RoutingCriteriaInputStep, UserPhoneConfig } from '@aws-sdk/client-connect';

/**
 * The state of one emulated Amazon Connect instance: what the router touches, nothing more. Names follow the
 * API's (client-connect's models) and the agent event stream's data model; where AWS documents no behaviour the
 * field says so and the emulator's choice is a configurable default.
 */

/** An agent status as `ListAgentStatuses` returns it: `ROUTABLE` (Available), `CUSTOM` or `OFFLINE`. */
export interface EmulatedAgentStatus {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly type: 'ROUTABLE' | 'CUSTOM' | 'OFFLINE';
}

/**
 * The agent's side of a contact, as the agent event stream's `Contacts[].State` names it: CONNECTING is ringing,
 * CONNECTED_ONHOLD on hold, MISSED not accepted in time, ENDED the contact over and the agent in after-contact
 * work (agent-event-stream-model, about-contact-states).
 */
export type AgentContactState = 'CONNECTING' | 'CONNECTED' | 'CONNECTED_ONHOLD' | 'MISSED' | 'ENDED';

export interface AgentContact {
  readonly contactId: string;
  state: AgentContactState;
  stateSince: number;
}

export interface EmulatedUser {
  readonly id: string;
  readonly arn: string;
  readonly username: string;
  routingProfileId: string;
  phoneConfig: Required<Pick<UserPhoneConfig, 'PhoneType' | 'AutoAccept' | 'AfterContactWorkTimeLimit'>>;
  status: { statusId: string; since: number };
  /** PutUserStatus while the agent is on a contact sets the status it goes to afterwards (API_PutUserStatus). */
  nextStatusId?: string;
  /** The CCP (softphone) is open and signed in: only then can a call be answered (automatic-logout page). */
  softphone: 'open' | 'closed';
  contact?: AgentContact;
  /** When the agent's last agent event was published: a heart beat follows 120 s of none. */
  lastAgentEventAt?: number;
}

export interface EmulatedRoutingProfile {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly queueIds: string[];
}

export interface EmulatedQueue {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
}

/** A step with its place in time, as contact events report it (`status`, `expiry.expiryTimestamp`). */
export interface ActiveStep {
  readonly step: RoutingCriteriaInputStep;
  status: 'ACTIVE' | 'INACTIVE' | 'EXPIRED' | 'JOINED';
  expiresAt?: number;
}

/** The contact's own state, from the customer's side. */
export type ContactState = 'IN_FLOW' | 'QUEUED' | 'OFFERED' | 'CONNECTED' | 'AFTER_CONTACT_WORK' | 'ENDED';

export interface EmulatedContact {
  readonly id: string;
  readonly arn: string;
  readonly initiationMethod: 'INBOUND' | 'OUTBOUND' | 'TRANSFER' | 'API';
  readonly initiatedAt: number;
  readonly previousContactId?: string;
  state: ContactState;
  queueId?: string;
  enqueuedAt?: number;
  steps: ActiveStep[];
  stepsActivatedAt?: number;
  agentId?: string;
  connectedToAgentAt?: number;
  disconnectedAt?: number;
  /** The contact record's reason (ctr-data-model): CUSTOMER_DISCONNECT, AGENT_DISCONNECT, ... */
  disconnectReason?: string;
  /** The customer hangs up at this instant unless connected first (their patience). */
  abandonsAt?: number;
  attributes: Record<string, string>;
  readonly phoneNumber?: string;
  /** CONNECTED_TO_SYSTEM was emitted (an inbound call on arrival, a dial once answered). */
  emittedSystem?: boolean;
}

/** What the emulator emits: contact events (EventBridge) and agent event stream records (Kinesis). */
export interface EmulatorSinks {
  contactEvent?(event: unknown): Promise<unknown>;
  agentEvent?(record: unknown): Promise<unknown>;
}

export interface EmulatorOptions {
  readonly region?: string;
  readonly accountId?: string;
  readonly instanceId?: string;
  /** Virtual time: tests and the simulator step it. @default Date.now */
  readonly now?: () => number;
  /**
   * How long a call rings before it is missed. [Undocumented: neither the API reference nor the admin guide
   * pages read state a voice ring time; 20 s is the emulator's choice.]
   */
  readonly ringSeconds?: number;
  /**
   * Whether an auto-accepting agent whose softphone is closed still misses the call. [Undocumented (reference
   * §7.4, an open question for a test instance): the emulator rings and misses, as a closed CCP answers nothing.]
   */
  readonly autoAcceptNeedsSoftphone?: boolean;
  /**
   * HEART_BEAT records: "published every 120 seconds if there are no other events published during that
   * interval" (agent-event-stream-model), here for agents signed in to the softphone. [The model page also says they
   * go on "up to an hour after an agent has logged off"; the emulator does not.] Off by default: a simulated day of
   * hundreds of agents would carry thousands of records that change nothing.
   */
  readonly heartBeats?: boolean;
}
