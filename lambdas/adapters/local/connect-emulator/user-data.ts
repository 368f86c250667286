import type { UserData } from '@aws-sdk/client-connect';
import type { ConnectInstance } from './instance';
import type { EmulatedUser } from './model';

/** The SDK's output types hold Dates; on the wire (restJson1) a timestamp is epoch seconds. */
export type Wire<T> = T extends Date ? number : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
const seconds = (ms: number) => ms / 1000;

/** One agent's real-time data as GetCurrentUserData answers it: status, next status, slots, contacts. */
export function userData(instance: ConnectInstance, u: EmulatedUser): Wire<UserData> {
  const status = instance.status(u.status.statusId);
  const profile = instance.profile(u.routingProfileId);
  const contact = u.contact && instance.contacts.get(u.contact.contactId);
  const busy = u.contact ? 1 : 0;
  return {
    User: { Id: u.id, Arn: u.arn },
    RoutingProfile: { Id: profile.id, Arn: profile.arn },
    Status: { StatusStartTimestamp: seconds(u.status.since), StatusArn: status.arn, StatusName: status.name },
    ...(u.nextStatusId ? { NextStatus: instance.status(u.nextStatusId).name } : {}),
    AvailableSlotsByChannel: { VOICE: 1 - busy },
    MaxSlotsByChannel: { VOICE: 1 },
    ActiveSlotsByChannel: { VOICE: busy },
    Contacts:
      u.contact && contact
        ? [
            {
              ContactId: contact.id,
              Channel: 'VOICE',
              InitiationMethod: contact.initiationMethod,
              AgentContactState: u.contact.state,
              StateStartTimestamp: seconds(u.contact.stateSince),
              ...(contact.connectedToAgentAt !== undefined
                ? { ConnectedToAgentTimestamp: seconds(contact.connectedToAgentAt) }
                : {}),
              ...(contact.queueId
                ? { Queue: { Id: contact.queueId, Arn: instance.queues.get(contact.queueId)?.arn } }
                : {}),
            },
          ]
        : [],
  };
}
