import { CustomResource, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { CfnQueue, CfnRoutingProfile } from 'aws-cdk-lib/aws-connect';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { PREVIOUS_PROFILE_TAG, placementTargets } from '../../lambdas/adapters/connect/agent-placement';
import { checkSubject } from '../../lambdas/adapters/connect/connect-check';
import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import type { Placement } from '../../lambdas/shared/placement-event';
import { RouterFunction } from './router-function';

/** Props of AgentPlacement. */
export interface AgentPlacementProps {
  /** The existing Amazon Connect instance. */
  readonly instanceArn: string;
  /** The configuration whose reps (those with a `connectUserId`) are placed. */
  readonly contactCenter: ContactCenterConfig;
  /** Each group's UR- routing profile (ConnectConfiguration.routingProfiles). */
  readonly routingProfiles: Readonly<Record<string, CfnRoutingProfile>>;
  /** The holding queue every UR- profile holds. */
  readonly holdingQueue: CfnQueue;
}

/** A routing profile's or queue's id: the last part of its ARN. */
const idOf = (arn: string) => Fn.select(3, Fn.split('/', arn));

/**
 * Puts every rep's Connect user where the router's calls reach them, on every deploy (semantics §8): their group's
 * UR- routing profile, auto-accept on and a finite after-contact-work limit (`connect.afterContactWorkSeconds`, else
 * the voice wrap-up, at least 1 s); a rep removed from the configuration is put back in the profile they came from.
 * Then the instance is checked (`npm run connect:check`), and a rep a call could still not reach fails the deploy,
 * named. Its function may change users and read profiles and statuses of this instance only.
 */
export class AgentPlacement extends Construct {
  readonly function: RouterFunction;
  /** The aws-cdk-lib custom resource framework that calls it. */
  readonly provider: Provider;

  constructor(scope: Construct, id: string, props: AgentPlacementProps) {
    super(scope, id);
    const cc = props.contactCenter;
    const holdingQueueId = idOf(props.holdingQueue.attrQueueArn);
    const subject = checkSubject(new CompiledConfig(cc), holdingQueueId);
    const placement: Placement = {
      instanceArn: props.instanceArn,
      holdingQueueId,
      agents: placementTargets(cc, (group) => idOf(props.routingProfiles[group]!.attrRoutingProfileArn)),
      subject: { ...subject, agents: [...subject.agents], statuses: [...subject.statuses] },
    };
    this.function = new RouterFunction(this, 'Placer', {
      handlerFile: 'agent-placement',
      // A few calls per rep, under Connect's per-account rates (as low as 2 per second for some).
      timeout: Duration.minutes(15),
    });
    this.grant(props.instanceArn);
    this.provider = new Provider(this, 'Provider', {
      onEventHandler: this.function,
      logGroup: new LogGroup(this, 'ProviderLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    const resource = new CustomResource(this, 'Placement', {
      serviceToken: this.provider.serviceToken,
      resourceType: 'Custom::ConnectAgentPlacement',
      properties: { Placement: Stack.of(this).toJsonString(placement) },
    });
    for (const profile of Object.values(props.routingProfiles)) resource.node.addDependency(profile);
  }

  /** The calls it makes, on this instance's resources of the types the Service Authorization Reference names. */
  private grant(instanceArn: string): void {
    const users = `${instanceArn}/agent/*`;
    const profiles = `${instanceArn}/routing-profile/*`;
    const statement = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
      this.function.addToRolePolicy(new PolicyStatement({ actions, resources, conditions }));
    statement(['connect:DescribeUser', 'connect:UpdateUserPhoneConfig', 'connect:ListTagsForResource'], [users]);
    // Back to the profile they came from on removal: any of the instance's profiles.
    statement(['connect:UpdateUserRoutingProfile'], [users, profiles]);
    // The one tag that remembers where a user was placed from, and no other.
    statement(['connect:TagResource', 'connect:UntagResource'], [users], {
      'ForAllValues:StringEquals': { 'aws:TagKeys': [PREVIOUS_PROFILE_TAG] },
    });
    statement(['connect:ListRoutingProfileQueues'], [profiles]);
    statement(['connect:ListAgentStatuses'], [`${instanceArn}/agent-state/*`]);
  }
}
