import type {
  DescribeUserResponse,
  GetCurrentUserDataResponse,
  ListAgentStatusResponse,
  ListRoutingProfileQueuesResponse,
  ListUsersResponse,
} from '@aws-sdk/client-connect';
import { type ConnectInstance, invalid, notFound } from './instance';
import { userData, type Wire } from './user-data';

/**
 * The Connect operations the router reads (the deploy's placement check, connect:check, agent statuses by name):
 * each answers the SDK's output shape from the emulated instance and changes nothing.
 */
export class ConnectReadApi {
  constructor(protected readonly instance: ConnectInstance) {}

  protected checkInstance(instanceId: string): void {
    if (instanceId !== this.instance.instanceId && instanceId !== this.instance.arn) throw notFound('instance');
  }

  describeUser(instanceId: string, userId: string): Wire<DescribeUserResponse> {
    this.checkInstance(instanceId);
    const u = this.instance.user(userId);
    return {
      User: {
        Id: u.id,
        Arn: u.arn,
        Username: u.username,
        RoutingProfileId: u.routingProfileId,
        PhoneConfig: { ...u.phoneConfig },
        SecurityProfileIds: [],
      },
    };
  }

  listUsers(instanceId: string): Wire<ListUsersResponse> {
    this.checkInstance(instanceId);
    return {
      UserSummaryList: [...this.instance.users.values()].map((u) => ({ Id: u.id, Arn: u.arn, Username: u.username })),
    };
  }

  listAgentStatuses(instanceId: string): Wire<ListAgentStatusResponse> {
    this.checkInstance(instanceId);
    return {
      AgentStatusSummaryList: [...this.instance.statuses.values()].map((s) => ({
        Id: s.id,
        Arn: s.arn,
        Name: s.name,
        Type: s.type,
      })),
    };
  }

  listRoutingProfileQueues(instanceId: string, profileId: string): Wire<ListRoutingProfileQueuesResponse> {
    this.checkInstance(instanceId);
    const profile = this.instance.profile(profileId);
    const summaries = profile.queueIds.map((id) => this.instance.queues.get(id)!);
    return {
      RoutingProfileQueueConfigSummaryList: summaries.map((q) => ({
        QueueId: q.id,
        QueueArn: q.arn,
        QueueName: q.name,
        Priority: 1,
        Delay: 0,
        Channel: 'VOICE',
      })),
    };
  }

  /** Real-time user data (GetCurrentUserData), filtered by agents or routing profiles. */
  getCurrentUserData(instanceId: string, body: { Filters?: { Agents?: string[]; RoutingProfiles?: string[] } }) {
    this.checkInstance(instanceId);
    const f = body.Filters ?? {};
    if (!f.Agents && !f.RoutingProfiles) throw invalid('Filters must name Agents or RoutingProfiles');
    const users = [...this.instance.users.values()].filter(
      (u) => (f.Agents?.includes(u.id) ?? false) || (f.RoutingProfiles?.includes(u.routingProfileId) ?? false),
    );
    const out: Wire<GetCurrentUserDataResponse> = { UserDataList: users.map((u) => userData(this.instance, u)) };
    return { ...out, ApproximateTotalCount: users.length };
  }
}
