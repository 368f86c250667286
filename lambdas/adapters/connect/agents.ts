import {
  type AgentStatusSummary,
  type ConnectClient,
  DismissUserContactCommand,
  ListAgentStatusesCommand,
  PutUserStatusCommand,
} from '@aws-sdk/client-connect';

/** An agent status name the instance does not have: a configuration error `npm run connect:check` reports. */
export class UnknownAgentStatusError extends Error {
  override name = 'UnknownAgentStatusError';
}

/**
 * The agent side of Amazon Connect the router changes (semantics §8): an agent's status by name (PutUserStatus
 * takes the status id, found once with ListAgentStatuses and looked up again for a name not seen), and a missed
 * contact cleared (DismissUserContact).
 */
export class ConnectAgents {
  private statuses?: Promise<Map<string, string>>;

  constructor(
    private readonly client: ConnectClient,
    private readonly instanceId: string,
  ) {}

  async setAgentStatus(request: { connectUserId: string; statusName: string }): Promise<void> {
    let id = (await this.statusIds()).get(request.statusName);
    if (!id) {
      this.statuses = undefined;
      id = (await this.statusIds()).get(request.statusName);
    }
    if (!id) throw new UnknownAgentStatusError(`the instance has no agent status named '${request.statusName}'`);
    await this.client.send(
      new PutUserStatusCommand({ InstanceId: this.instanceId, UserId: request.connectUserId, AgentStatusId: id }),
    );
  }

  async dismissContact(request: { connectUserId: string; contactId: string }): Promise<void> {
    await this.client.send(
      new DismissUserContactCommand({
        InstanceId: this.instanceId,
        UserId: request.connectUserId,
        ContactId: request.contactId,
      }),
    );
  }

  private statusIds(): Promise<Map<string, string>> {
    this.statuses ??= this.listStatuses().catch((err) => {
      this.statuses = undefined;
      throw err;
    });
    return this.statuses;
  }

  private async listStatuses(): Promise<Map<string, string>> {
    const statuses = await agentStatuses(this.client, this.instanceId);
    return new Map(statuses.flatMap((s) => (s.Name && s.Id ? [[s.Name, s.Id] as const] : [])));
  }
}

/** Every agent status of the instance, all pages of ListAgentStatuses. */
export async function agentStatuses(client: ConnectClient, instanceId: string): Promise<AgentStatusSummary[]> {
  const all: AgentStatusSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListAgentStatusesCommand({ InstanceId: instanceId, NextToken }));
    all.push(...(page.AgentStatusSummaryList ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
}
