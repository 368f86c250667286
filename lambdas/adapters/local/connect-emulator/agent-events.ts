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
 * An `AgentSnapshot` as the agent event stream's data model describes it (agent-event-stream-model): the status
 * the agent set, the agent's configuration (routing profile with its queues, auto-accept) and their contacts.
 */
function snapshot(s: AgentSnapshotSource) {
  const { user, status, profile, contact } = s;
  const queue = (id: string) => ({ ARN: s.queues.get(id)?.arn, Name: s.queues.get(id)?.name, Channels: [] });
  return {
    AgentStatus: { ARN: status.arn, Name: status.name, StartTimestamp: iso(user.status.since) },
    Configuration: {
      AgentHierarchyGroups: null,
      AutoAccept: user.phoneConfig.AutoAccept,
      FirstName: user.username,
      LastName: '',
      RoutingProfile: {
        ARN: profile.arn,
        Name: profile.name,
        Concurrency: [{ AvailableSlots: user.contact ? 0 : 1, Channel: 'VOICE', MaximumSlots: 1 }],
        DefaultOutboundQueue: profile.queueIds[0] ? queue(profile.queueIds[0]) : null,
        InboundQueues: profile.queueIds.map(queue),
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
              Queue: contact.queueId ? { ARN: s.queues.get(contact.queueId)?.arn } : null,
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
    CurrentAgentSnapshot: snapshot(current),
    EventId: eventId,
    EventTimestamp: iso(instance.now()),
    EventType: type,
    InstanceARN: instance.arn,
    PreviousAgentSnapshot: previous ? snapshot(previous) : null,
    Version: '2017-10-01',
  };
}
