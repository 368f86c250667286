import {
  type ConnectClient,
  DescribeUserCommand,
  ListRoutingProfileQueuesCommand,
  ResourceNotFoundException,
  type User,
} from '@aws-sdk/client-connect';
import type { CompiledConfig } from '../../domain/config/compiled-config';
import { agentStatuses } from './agents';
import { instanceIdOf } from './telephony';

/** What the check reads the instance for: the reps' users, the holding queue, the statuses the configuration names. */
export interface CheckSubject {
  readonly holdingQueueId: string;
  readonly agents: readonly { readonly repName: string; readonly connectUserId: string }[];
  readonly routableStatus: string;
  /** Every Connect status name the configuration uses, with what in it names the status. */
  readonly statuses: readonly { readonly name: string; readonly by: string }[];
}

export function checkSubject(config: CompiledConfig, holdingQueueId: string): CheckSubject {
  const c = config.connectAgents;
  return {
    holdingQueueId,
    agents: [...config.reps.values()].flatMap((r) =>
      r.connectUserId ? [{ repName: r.name ?? r.id, connectUserId: r.connectUserId }] : [],
    ),
    routableStatus: c.routableStatus,
    statuses: [
      { name: c.routableStatus, by: 'connect.routableStatus' },
      { name: c.notRoutableStatus, by: 'connect.notRoutableStatus' },
      { name: c.loggedOutStatus, by: 'connect.loggedOutStatus' },
      ...[...config.statuses.values()].flatMap((s) =>
        s.connectStatus ? [{ name: s.connectStatus, by: `status ${s.id}` }] : [],
      ),
    ],
  };
}

/**
 * What would stop the router's calls reaching a rep, read from the instance (`npm run connect:check`, and the
 * deploy's agent placement after it placed them): each problem names the rep and their Connect user.
 */
export async function connectProblems(client: ConnectClient, instanceArn: string, subject: CheckSubject) {
  const InstanceId = instanceIdOf(instanceArn);
  const holdingQueueId = subject.holdingQueueId;
  const problems = await statusProblems(client, InstanceId, subject);
  const profileHasHolding = new Map<string, boolean>();
  for (const rep of subject.agents) {
    const who = `rep ${rep.repName} (Connect user ${rep.connectUserId})`;
    let u: User | undefined;
    try {
      u = (await client.send(new DescribeUserCommand({ InstanceId, UserId: rep.connectUserId }))).User;
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
      problems.push(`${who}: no such user in the instance`);
      continue;
    }
    const named = `rep ${rep.repName} (${u?.Username ?? rep.connectUserId})`;
    const profile = u?.RoutingProfileId ?? '';
    if (!profileHasHolding.has(profile)) {
      const queues = await client.send(new ListRoutingProfileQueuesCommand({ InstanceId, RoutingProfileId: profile }));
      const ids = (queues.RoutingProfileQueueConfigSummaryList ?? []).map((q) => q.QueueId);
      profileHasHolding.set(profile, ids.includes(holdingQueueId));
    }
    if (!profileHasHolding.get(profile))
      problems.push(`${named}: their routing profile lacks the holding queue, so no targeted call is offered to them`);
    if (u?.PhoneConfig?.AutoAccept !== true)
      problems.push(`${named}: auto-accept is off, so a call rings and is missed unless they answer in time`);
    if (!u?.PhoneConfig?.AfterContactWorkTimeLimit)
      problems.push(`${named}: after-contact work has no time limit, so they stay in it until they close the contact`);
  }
  return problems;
}

/** Every Connect status the configuration names must exist; only the routable one may route calls. */
async function statusProblems(client: ConnectClient, InstanceId: string, subject: CheckSubject): Promise<string[]> {
  const statuses = await agentStatuses(client, InstanceId);
  const types = new Map(statuses.flatMap((s) => (s.Name ? [[s.Name, s.Type ?? ''] as const] : [])));
  const problems: string[] = [];
  for (const { name, by } of subject.statuses) {
    const type = types.get(name);
    if (type === undefined) problems.push(`${by} names the agent status '${name}', which the instance does not have`);
    else if ((name === subject.routableStatus) !== (type === 'ROUTABLE'))
      problems.push(`${by} names '${name}', a ${type} status: only the routable status may route calls`);
  }
  return problems;
}
