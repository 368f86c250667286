import {
  type ConnectClient,
  DescribeUserCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateUserPhoneConfigCommand,
  UpdateUserRoutingProfileCommand,
} from '@aws-sdk/client-connect';
import type { ContactCenterConfig } from '../../domain/config/schema';
import { instanceIdOf } from './telephony';

/** The tag on a placed user naming the routing profile they were in before: where removal puts them back. */
export const PREVIOUS_PROFILE_TAG = 'unified-routing:previous-routing-profile';

/** Where one rep's Connect user must be for the router's calls to reach them. */
export interface AgentPlacementTarget {
  readonly repId: string;
  readonly connectUserId: string;
  /** Their group's `UR-` routing profile (it holds the holding queue). */
  readonly routingProfileId: string;
  /** A finite after-contact-work limit: 0 would keep the agent in ACW until they close the contact. */
  readonly afterContactWorkSeconds: number;
}

export type PlacementChange = { readonly repId: string; readonly changed: readonly string[] };

/**
 * Puts reps' Connect users where targeted calls reach them (semantics §8): in their group's routing profile (a call
 * is offered only to an agent whose profile has its queue, API_AgentsCriteria), with auto-accept on and a finite
 * after-contact-work limit (API_UserPhoneConfig). The profile a user leaves is remembered in a tag on the user, and
 * `restore` puts them back there when the rep leaves the configuration. Each step is safe to repeat.
 */
export class AgentPlacement {
  private readonly instanceId: string;

  constructor(
    private readonly client: ConnectClient,
    private readonly instanceArn: string,
  ) {
    this.instanceId = instanceIdOf(instanceArn);
  }

  private userArn(connectUserId: string): string {
    return `${this.instanceArn}/agent/${connectUserId}`;
  }

  async place(target: AgentPlacementTarget): Promise<PlacementChange> {
    const { User: user } = await this.client.send(
      new DescribeUserCommand({ InstanceId: this.instanceId, UserId: target.connectUserId }),
    );
    const changed: string[] = [];
    if (user?.RoutingProfileId !== target.routingProfileId) {
      const tags = await this.tags(target.connectUserId);
      // The first placement remembers where the user was; a repeat (or a move between groups) keeps that.
      if (!tags[PREVIOUS_PROFILE_TAG] && user?.RoutingProfileId) {
        await this.client.send(
          new TagResourceCommand({
            resourceArn: this.userArn(target.connectUserId),
            tags: { [PREVIOUS_PROFILE_TAG]: user.RoutingProfileId },
          }),
        );
      }
      await this.client.send(
        new UpdateUserRoutingProfileCommand({
          InstanceId: this.instanceId,
          UserId: target.connectUserId,
          RoutingProfileId: target.routingProfileId,
        }),
      );
      changed.push('routingProfile');
    }
    const phone = user?.PhoneConfig;
    if (phone?.AutoAccept !== true || phone.AfterContactWorkTimeLimit !== target.afterContactWorkSeconds) {
      await this.client.send(
        new UpdateUserPhoneConfigCommand({
          InstanceId: this.instanceId,
          UserId: target.connectUserId,
          PhoneConfig: {
            ...phone,
            PhoneType: phone?.PhoneType ?? 'SOFT_PHONE',
            AutoAccept: true,
            AfterContactWorkTimeLimit: target.afterContactWorkSeconds,
          },
        }),
      );
      changed.push('phoneConfig');
    }
    return { repId: target.repId, changed };
  }

  /** Puts a user no longer routed here back in the profile they were placed from (if the tag says). */
  async restore(connectUserId: string): Promise<boolean> {
    const previous = (await this.tags(connectUserId))[PREVIOUS_PROFILE_TAG];
    if (!previous) return false;
    await this.client.send(
      new UpdateUserRoutingProfileCommand({
        InstanceId: this.instanceId,
        UserId: connectUserId,
        RoutingProfileId: previous,
      }),
    );
    await this.client.send(
      new UntagResourceCommand({ resourceArn: this.userArn(connectUserId), tagKeys: [PREVIOUS_PROFILE_TAG] }),
    );
    return true;
  }

  private async tags(connectUserId: string): Promise<Record<string, string>> {
    const out = await this.client.send(new ListTagsForResourceCommand({ resourceArn: this.userArn(connectUserId) }));
    return out.tags ?? {};
  }
}

/**
 * Places every desired agent, and puts back those the previous placement had that this one does not (a rep
 * removed, or moved off Connect). Users in both are placed again: a repeat changes nothing.
 */
export async function applyPlacement(
  placement: AgentPlacement,
  desired: readonly AgentPlacementTarget[],
  previous: readonly AgentPlacementTarget[],
): Promise<{ placed: PlacementChange[]; restored: string[] }> {
  const kept = new Set(desired.map((a) => a.connectUserId));
  const restored: string[] = [];
  for (const gone of previous) {
    if (!kept.has(gone.connectUserId) && (await placement.restore(gone.connectUserId))) restored.push(gone.repId);
  }
  const placed: PlacementChange[] = [];
  for (const agent of desired) placed.push(await placement.place(agent));
  return { placed, restored };
}

/**
 * Where every rep with a Connect user must be (semantics §8): their group's UR- profile, and an after-contact-work
 * limit of `connect.afterContactWorkSeconds`, else the voice wrap-up, at least 1 s. The deploy and the local center
 * place agents from this one list.
 */
export function placementTargets(
  cc: ContactCenterConfig,
  routingProfileIdOf: (groupId: string) => string,
): AgentPlacementTarget[] {
  const voice = cc.channels.find((c) => c.name === 'voice');
  const afterContactWorkSeconds = Math.max(1, cc.connect?.afterContactWorkSeconds ?? voice?.wrapUpSeconds ?? 30);
  return cc.reps.flatMap((r) =>
    r.connectUserId
      ? [
          {
            repId: r.id,
            connectUserId: r.connectUserId,
            routingProfileId: routingProfileIdOf(r.group),
            afterContactWorkSeconds,
          },
        ]
      : [],
  );
}
