import type { ConnectInstance } from './instance';
import type {
  EmulatedAgentStatus,
  EmulatedContact,
  EmulatedQueue,
  EmulatedRoutingProfile,
  EmulatedUser,
} from './model';

/** What one agent snapshot is built from: a copy of the user taken when the snapshot applied. */
export interface AgentSnapshotSource {
  readonly user: EmulatedUser;
  readonly status: EmulatedAgentStatus;
  readonly profile: EmulatedRoutingProfile;
  readonly queues: ReadonlyMap<string, EmulatedQueue>;
  readonly contact?: EmulatedContact;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * An `AgentSnapshot` in the shape of AWS's samples (test/fixtures/agent-events: the ACW and heart-beat records):
 * the status the agent set, `NextAgentStatus` (its release note), the configuration's routing profile with its
 * queues, and the contacts. The model's `Type`, slot counts and auto-accept appear in no sample, so none is
 * written; a missed call changes no `AgentStatus` [undocumented: no stream page says it does].
 */
function snapshot(s: AgentSnapshotSource, instance: ConnectInstance) {
  const { user, status, profile, contact } = s;
  const queue = (id: string) => ({ ARN: s.queues.get(id)?.arn, Name: s.queues.get(id)?.name });
  const next = user.nextStatusId ? instance.statuses.get(user.nextStatusId) : undefined;
  return {
    AgentStatus: { ARN: status.arn, Name: status.name, StartTimestamp: iso(user.status.since) },
    NextAgentStatus: next ? { Name: next.name, ARN: next.arn, EnqueuedTimestamp: iso(instance.now()) } : null,
    Configuration: {
      AgentHierarchyGroups: null,
      FirstName: user.username,
      LastName: '',
      RoutingProfile: {
        ARN: profile.arn,
        DefaultOutboundQueue: profile.queueIds[0] ? queue(profile.queueIds[0]) : null,
        InboundQueues: profile.queueIds.map(queue),
        Name: profile.name,
      },
      Username: user.username,
    },
    Contacts:
      user.contact && contact
        ? [
            {
              Channel: 'VOICE',
              ConnectedToAgentTimestamp:
                contact.connectedToAgentAt !== undefined ? iso(contact.connectedToAgentAt) : null,
              ContactId: contact.id,
              InitialContactId: null,
              InitiationMethod: contact.initiationMethod,
              Queue: contact.queueId ? queue(contact.queueId) : null,
              QueueTimestamp: contact.enqueuedAt !== undefined ? iso(contact.enqueuedAt) : null,
              State: user.contact.state,
              StateStartTimestamp: iso(user.contact.stateSince),
            },
          ]
        : [],
  };
}

/**
 * One agent event stream record (the Kinesis record's data, JSON): `EventType` STATE_CHANGE, LOGIN, LOGOUT or
 * HEART_BEAT, with the agent's current snapshot and, for a change, the one before it.
 */
export function agentEventRecord(
  instance: ConnectInstance,
  type: 'STATE_CHANGE' | 'LOGIN' | 'LOGOUT' | 'HEART_BEAT',
  current: AgentSnapshotSource,
  previous: AgentSnapshotSource | undefined,
  eventId: string,
): unknown {
  return {
    AWSAccountId: instance.accountId,
    AgentARN: current.user.arn,
    CurrentAgentSnapshot: snapshot(current, instance),
    EventId: eventId,
    EventTimestamp: iso(instance.now()),
    EventType: type,
    InstanceARN: instance.arn,
    PreviousAgentSnapshot: previous ? snapshot(previous, instance) : null,
    Version: '2019-05-25',
  };
}
