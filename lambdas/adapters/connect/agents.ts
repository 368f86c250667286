import {
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
    const ids = new Map<string, string>();
    let NextToken: string | undefined;
    do {
      const page = await this.client.send(new ListAgentStatusesCommand({ InstanceId: this.instanceId, NextToken }));
      for (const s of page.AgentStatusSummaryList ?? []) if (s.Name && s.Id) ids.set(s.Name, s.Id);
      NextToken = page.NextToken;
    } while (NextToken);
    return ids;
  }
}
