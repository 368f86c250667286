import { type CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { AgentEventStream } from './constructs/agent-event-stream';
import type { AgentPlacement } from './constructs/agent-placement';
import type { CommandCenterModel } from './constructs/command-center-model';
import type { ConfigurationLoader } from './constructs/configuration-loader';
import type { DesktopPush } from './constructs/desktop-push';
import type { FailedInvocations } from './constructs/failed-invocations';
import type { OutboxDispatch } from './constructs/outbox-dispatch';
import type { Paging } from './constructs/paging';
import type { RepIdentity } from './constructs/rep-identity';
import type { RepWorkspaceHosting } from './constructs/rep-workspace-hosting';
import type { RouterFunction } from './constructs/router-function';
import type { RouterFunctions } from './constructs/router-functions';
import type { RouterTimers } from './constructs/router-timers';

/**
 * cdk-nag AwsSolutions findings we accept, each scoped to one router function or its role (never the stack),
 * each with the reason it is the least privilege available.
 */
export function acknowledgeFindings(
  functions: RouterFunctions,
  timers: RouterTimers,
  parts: {
    readonly outbox?: OutboxDispatch;
    readonly paging?: Paging;
    readonly failed?: FailedInvocations;
    readonly agentEvents?: AgentEventStream;
  } = {},
): void {
  const { outbox, paging, failed, agentEvents } = parts;
  const stack = Stack.of(timers);
  if (agentEvents)
    Validations.of(agentEvents.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "It is a dead-letter queue: the agent event stream's on-failure destination for its consumer, which cdk-nag " +
        'cannot see (it only recognises redrive policies). Its first message raises an alarm.',
    });
  if (outbox)
    Validations.of(outbox.undelivered).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "The stream's on-failure bucket: only Lambda writes to it, each object pages on-call as it is created, and " +
        'it is read by the redrive; access logs would record nothing an operator needs.',
    });
  if (failed) {
    Validations.of(failed.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'It is a dead-letter queue: the EventBridge targets and the functions name it as their on-failure ' +
        'destination, which cdk-nag cannot see (it only recognises redrive policies). Its first message pages.',
    });
    const redrive = functions.get('Redrive').role!;
    for (const fn of failed.functions)
      Validations.of(redrive).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: "lambda:InvokeFunction's grant names the function and its versions: the redrive invokes each.",
      });
  }
  if (outbox) {
    const bucket = stack.getLogicalId(outbox.undelivered.node.defaultChild as CfnElement);
    Validations.of(functions.get('OutboxDispatch').role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucket}.Arn>/*]`,
      reason: 'Lambda names the objects of the on-failure bucket per record: PutObject on that bucket only.',
    });
  }
  if (paging?.topic instanceof Topic)
    Validations.of(paging.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms publish to the topic, which needs a customer managed key with a key policy for them; ' +
        'the messages name alarms only (no customer data). Pass -c alarmTopicArn for an encrypted topic of yours.',
    });
  // Wildcard resources as cdk-nag names them: literals where known, <AWS::...> / <LogicalId> for tokens.
  const group = stack.getLogicalId(timers.scheduleGroup);
  const schedules = `arn:<AWS::Partition>:scheduler:${where(stack)}:schedule/<${group}>/*`;
  const telephony = new Set(functions.withTelephony);
  for (const fn of functions.all) {
    Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: NODE_PIN });
    const role = fn.role!;
    Validations.of(role).acknowledge(
      { id: BASIC_EXECUTION, reason: BASIC_EXECUTION_REASON },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Actions with no resource type in the Service Authorization Reference: X-Ray PutTraceSegments and ' +
          'PutTelemetryRecords (active tracing), for functions that dial callbacks StartOutboundVoiceContact, and ' +
          "for the outbox dispatcher dynamodb:ListStreams (its stream's own actions are on the stream's ARN).",
      },
      {
        id: `AwsSolutions-IAM5[Resource::${schedules}]`,
        reason: "One-time timer schedules are named per timer, inside the router's own schedule group only.",
      },
    );
    if (!telephony.has(fn)) continue;
    Validations.of(role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::${functions.contactArns}]`,
        reason:
          'Contacts are made per call: the grant covers the contacts of the one Connect instance and nothing else.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${functions.agentArns}]`,
        reason: "Agents are the configuration's reps, which change with every deploy: the one instance's users only.",
      },
      {
        id: `AwsSolutions-IAM5[Resource::${functions.agentStatusArns}]`,
        reason: "The agent statuses a configuration names are looked up by name: the one instance's statuses only.",
      },
    );
  }
}

/** The people-facing parts: identity, the push channel, and the workspace's hosting. */
export function acknowledgePeopleFindings(parts: {
  readonly hosting: RepWorkspaceHosting;
  readonly identity: RepIdentity;
  readonly push: DesktopPush;
  /** The functions that deliver outbox entries (the dispatcher and the redrive): they push to desktops. */
  readonly deliverers: readonly RouterFunction[];
  readonly model: CommandCenterModel;
  readonly webAcl: boolean;
  readonly pushAccessLogs: boolean;
  /** The logical id of the router's schedule group. */
  readonly scheduleGroup: string;
}): void {
  const { hosting, identity, push, deliverers, model } = parts;
  const stack = Stack.of(hosting);
  const api = stack.getLogicalId(push.api.node.defaultChild as CfnElement);
  const connections = `arn:<AWS::Partition>:execute-api:${where(stack)}:<${api}>/live/*/@connections/*`;
  for (const fn of [push.authorizerFunction, push.socketFunction, model.feed]) acknowledgeTraced(fn);
  for (const fn of [push.socketFunction, ...deliverers, model.feed])
    Validations.of(fn.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${connections}]`,
      reason: "Connections are made per desktop: the grant covers the push stage's connections and nothing else.",
    });
  // The socket function starts the timer of a closed workspace (semantics §7), as the router functions start theirs.
  const schedules = `arn:<AWS::Partition>:scheduler:${where(stack)}:schedule/<${parts.scheduleGroup}>/*`;
  Validations.of(push.socketFunction.role!).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${schedules}]`,
    reason: "A closed workspace's timer is a one-time schedule named per timer, in the router's own group only.",
  });
  Validations.of(push.api).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason:
      'A WebSocket API authorizes on $connect only (the token is verified there and binds the connection to the ' +
      'rep); $disconnect and sync run on that already authorized connection.',
  });
  if (!parts.pushAccessLogs)
    Validations.of(push.stage).acknowledge({
      id: 'AwsSolutions-APIG1',
      reason:
        "WebSocket access logs need the account's API Gateway CloudWatch role, an account-wide setting this stack " +
        'does not take over; set pushAccessLogs once it is. The socket and authorizer functions log every connect.',
    });
  Validations.of(hosting.bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'Only the stack writes this bucket and only CloudFront (origin access control) reads it.',
  });
  const objects = `<${stack.getLogicalId(model.bucket.node.defaultChild as CfnElement)}.Arn>/command-center/*`;
  for (const fn of [model.feed, ...model.readers])
    Validations.of(fn.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${objects}]`,
      reason: "The model's two objects (state and snapshot) under its own prefix, in its own bucket; nothing else.",
    });
  Validations.of(model.bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'Only the feed writes the model and only the HTTP API reads it; both log every call they make.',
  });
  const cdn = hosting.distribution;
  Validations.of(cdn).acknowledge(
    {
      id: 'AwsSolutions-CFR1',
      reason: 'Reps sign in wherever the center works; a web ACL (workspaceWebAclId) can geo-match.',
    },
    { id: 'AwsSolutions-CFR3', reason: 'One static page; every call it makes is logged by the HTTP API.' },
    {
      id: 'AwsSolutions-CFR4',
      reason: "CloudFront's default domain fixes TLS; a custom domain with its certificate pins 1.2.",
    },
  );
  if (!parts.webAcl)
    Validations.of(cdn).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: "Attach the organisation's AWS WAF web ACL with workspaceWebAclId; the page itself holds no data.",
    });
  if (identity.userPool)
    Validations.of(identity.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'MFA is required for everyone; the Plus plan (threat protection) is priced per user: opt in per center.',
    });
  const deployment = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployment) {
    const handler = 'The CDK-managed BucketDeployment handler: ';
    Validations.of(deployment).acknowledge(
      { id: 'AwsSolutions-L1', reason: `${handler}its runtime is chosen by aws-cdk-lib.` },
      { id: BASIC_EXECUTION, reason: BASIC_EXECUTION_REASON },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: `${handler}X-Ray and CloudFront invalidation have no resource.` },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((a) => ({
        id: `AwsSolutions-IAM5[Action::${a}]`,
        reason: `${handler}copies the page from the CDK asset bucket into the site bucket only.`,
      })),
      ...[
        `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${shown(stack.account, 'AccountId')}-` +
          `${shown(stack.region, 'Region')}/*`,
        `<${stack.getLogicalId(hosting.bucket.node.defaultChild as CfnElement)}.Arn>/*`,
      ].map((r) => ({
        id: `AwsSolutions-IAM5[Resource::${r}]`,
        reason: `${handler}reads the CDK asset bucket and writes the site bucket, nothing else.`,
      })),
    );
  }
}

/** The configuration loader, and aws-cdk-lib's custom resource framework function that calls it. */
export function acknowledgeLoaderFindings(configuration: ConfigurationLoader): void {
  const { loader, provider } = configuration;
  acknowledgeTraced(loader);
  const framework = 'The custom resource framework (aws-cdk-lib Provider): ';
  const loaderArn = `<${Stack.of(loader).getLogicalId(loader.node.defaultChild as CfnElement)}.Arn>`;
  Validations.of(provider).acknowledge(
    { id: 'AwsSolutions-L1', reason: `${framework}its runtime is chosen by aws-cdk-lib.` },
    { id: BASIC_EXECUTION, reason: BASIC_EXECUTION_REASON },
    {
      id: `AwsSolutions-IAM5[Resource::${loaderArn}:*]`,
      reason: `${framework}invokes the loader function and its versions, nothing else.`,
    },
  );
}

/** The agent placement: its framework, and its grants on the instance's users, profiles and statuses. */
export function acknowledgePlacementFindings(placement: AgentPlacement, instanceArn: string): void {
  const fn = placement.function;
  acknowledgeTraced(fn);
  const framework = 'The custom resource framework (aws-cdk-lib Provider): ';
  const fnArn = `<${Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>`;
  Validations.of(placement.provider).acknowledge(
    { id: 'AwsSolutions-L1', reason: `${framework}its runtime is chosen by aws-cdk-lib.` },
    { id: BASIC_EXECUTION, reason: BASIC_EXECUTION_REASON },
    {
      id: `AwsSolutions-IAM5[Resource::${fnArn}:*]`,
      reason: `${framework}invokes the placement function and its versions, nothing else.`,
    },
  );
  const reasons: Record<string, string> = {
    agent: "Users are the configuration's reps, which change with every deploy: the one instance's users only.",
    'routing-profile':
      "A removed rep goes back to whichever profile they came from, and the check reads any user's profile: the " +
      "one instance's profiles only.",
    'agent-state': "The statuses a configuration names are looked up by name: the one instance's statuses only.",
  };
  Validations.of(fn.role!).acknowledge(
    ...Object.entries(reasons).map(([kind, reason]) => ({
      id: `AwsSolutions-IAM5[Resource::${instanceArn}/${kind}/*]`,
      reason,
    })),
  );
}

/** A function outside RouterFunctions with the house defaults: the pinned runtime, its log stream, X-Ray. */
function acknowledgeTraced(fn: RouterFunction): void {
  Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: NODE_PIN });
  Validations.of(fn.role!).acknowledge(
    { id: BASIC_EXECUTION, reason: BASIC_EXECUTION_REASON },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords have no resource.',
    },
  );
}

const NODE_PIN =
  'The design pins nodejs22.x (the SDK and toolchain are validated on it); upgrade deliberately, not by default.';
const BASIC_EXECUTION =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
const BASIC_EXECUTION_REASON =
  "Only CloudWatch Logs writes for the function's own log stream; the AWS-managed policy is the standard minimal one.";
/** A stack value as cdk-nag shows it in ARNs: the literal where known, the pseudo parameter for a token. */
const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
/** `region:account`, as in an ARN. */
const where = (stack: Stack) => `${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}`;
