import type { UserPhoneConfig } from '@aws-sdk/client-connect';
import { type AgentSnapshotSource, agentEventRecord } from './agent-events';
import { type ContactEventType, contactEvent } from './contact-events';
import type {
  EmulatedAgentStatus,
  EmulatedContact,
  EmulatedQueue,
  EmulatedRoutingProfile,
  EmulatedUser,
  EmulatorOptions,
  EmulatorSinks,
} from './model';

/** A Connect API error as the service answers it (restJson1: `x-amzn-ErrorType` and a message). */
export class ConnectApiError extends Error {
  constructor(
    readonly errorType: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectApiError';
  }
}

export const notFound = (what: string) => new ConnectApiError('ResourceNotFoundException', 404, `${what} not found`);
export const invalid = (message: string) => new ConnectApiError('InvalidParameterException', 400, message);

const uuid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * One emulated Amazon Connect instance's state and its outgoing events. Changes are made by the API
 * (`connect-api.ts`), by people (agents on a softphone, customers) and by time (`routing-engine.ts`); every
 * event goes out through `flush`, in the order it happened, to the sinks the stack would wire.
 */
export class ConnectInstance {
  readonly region: string;
  readonly accountId: string;
  readonly instanceId: string;
  readonly arn: string;
  readonly users = new Map<string, EmulatedUser>();
  readonly profiles = new Map<string, EmulatedRoutingProfile>();
  readonly queues = new Map<string, EmulatedQueue>();
  readonly statuses = new Map<string, EmulatedAgentStatus>();
  readonly contacts = new Map<string, EmulatedContact>();
  readonly approvedOrigins = new Set<string>();
  readonly ringMs: number;
  readonly autoAcceptNeedsSoftphone: boolean;
  /** The heart beat's interval, or undefined when the instance publishes none. */
  readonly heartBeatMs?: number;
  readonly now: () => number;
  private readonly outgoing: Array<{ kind: 'contact' | 'agent'; body: unknown }> = [];
  private counter = 0;

  constructor(
    options: EmulatorOptions = {},
    private readonly sinks: EmulatorSinks = {},
  ) {
    this.region = options.region ?? 'eu-west-2';
    this.accountId = options.accountId ?? '111111111111';
    this.instanceId = options.instanceId ?? 'cccccccc-bbbb-dddd-eeee-ffffffffffff';
    this.arn = `arn:aws:connect:${this.region}:${this.accountId}:instance/${this.instanceId}`;
    this.ringMs = (options.ringSeconds ?? 20) * 1000;
    this.autoAcceptNeedsSoftphone = options.autoAcceptNeedsSoftphone ?? true;
    this.now = options.now ?? Date.now;
    if (options.heartBeats) this.heartBeatMs = 120_000;
    // Every instance is created with these two statuses (agent-status page); others are the deployer's.
    this.addAgentStatus('Available', 'ROUTABLE');
    this.addAgentStatus('Offline', 'OFFLINE');
  }

  nextId(): string {
    return uuid(0x4a573372, ++this.counter);
  }

  addQueue(name: string): EmulatedQueue {
    const id = this.nextId();
    const queue = { id, name, arn: `${this.arn}/queue/${id}` };
    this.queues.set(id, queue);
    return queue;
  }

  addRoutingProfile(name: string, queueIds: readonly string[]): EmulatedRoutingProfile {
    const id = this.nextId();
    const profile = { id, name, arn: `${this.arn}/routing-profile/${id}`, queueIds: [...queueIds] };
    this.profiles.set(id, profile);
    return profile;
  }

  addAgentStatus(name: string, type: EmulatedAgentStatus['type']): EmulatedAgentStatus {
    const id = this.nextId();
    const status = { id, name, type, arn: `${this.arn}/agent-state/${id}` };
    this.statuses.set(id, status);
    return status;
  }

  /** A user as the console creates one: Offline, softphone closed, auto-accept off, no ACW limit set. */
  addUser(
    username: string,
    options: { routingProfileId: string; phoneConfig?: Partial<UserPhoneConfig>; id?: string },
  ): EmulatedUser {
    const id = options.id ?? this.nextId();
    const user: EmulatedUser = {
      id,
      username,
      arn: `${this.arn}/agent/${id}`,
      routingProfileId: this.profile(options.routingProfileId).id,
      phoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0, ...options.phoneConfig },
      status: { statusId: this.statusNamed('Offline').id, since: this.now() },
      softphone: 'closed',
    };
    this.users.set(id, user);
    return user;
  }

  user(id: string): EmulatedUser {
    const user = this.users.get(id);
    if (!user) throw notFound(`user ${id}`);
    return user;
  }
  profile(id: string): EmulatedRoutingProfile {
    const profile = this.profiles.get(id);
    if (!profile) throw notFound(`routing profile ${id}`);
    return profile;
  }
  contact(id: string): EmulatedContact {
    const contact = this.contacts.get(id);
    if (!contact) throw notFound(`contact ${id}`);
    return contact;
  }
  status(id: string): EmulatedAgentStatus {
    const status = this.statuses.get(id);
    if (!status) throw notFound(`agent status ${id}`);
    return status;
  }
  statusNamed(name: string): EmulatedAgentStatus {
    const status = [...this.statuses.values()].find((s) => s.name === name);
    if (!status) throw notFound(`agent status named ${name}`);
    return status;
  }

  /** The agent's state as the next agent event will show it, for the previous snapshot of a change. */
  snapshotSource(user: EmulatedUser): AgentSnapshotSource {
    return {
      user: { ...user, status: { ...user.status }, contact: user.contact && { ...user.contact } },
      status: this.status(user.status.statusId),
      profile: this.profile(user.routingProfileId),
      queues: this.queues,
      contact: user.contact && this.contacts.get(user.contact.contactId),
    };
  }

  emitContact(type: ContactEventType, contact: EmulatedContact, updatedProperties?: string[]): void {
    this.outgoing.push({ kind: 'contact', body: contactEvent(this, contact, type, updatedProperties) });
  }

  emitAgent(
    type: 'STATE_CHANGE' | 'LOGIN' | 'LOGOUT' | 'HEART_BEAT',
    user: EmulatedUser,
    before?: AgentSnapshotSource,
  ) {
    const record = agentEventRecord(this, type, this.snapshotSource(user), before, this.nextId());
    user.lastAgentEventAt = this.now();
    this.outgoing.push({ kind: 'agent', body: record });
  }

  /**
   * Delivers every pending event, in order, to the sinks; what their handlers cause (API calls back into the
   * emulator) is delivered too, until nothing is left. Returns how many were delivered.
   */
  async flush(): Promise<number> {
    let delivered = 0;
    for (let next = this.outgoing.shift(); next; next = this.outgoing.shift()) {
      delivered++;
      if (next.kind === 'contact') await this.sinks.contactEvent?.(next.body);
      else await this.sinks.agentEvent?.(next.body);
    }
    return delivered;
  }

  get pendingEvents(): number {
    return this.outgoing.length;
  }
}
