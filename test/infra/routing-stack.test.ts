import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import exampleCenter from '../../examples/contact-center.json';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { ROUTER_FUNCTIONS } from '../../lib/constructs/router-functions';
import { RoutingDataStack } from '../../lib/stacks/routing-data-stack';
import { RoutingStack } from '../../lib/stacks/routing-stack';
import { testApp } from '../support/cdk-app';

const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const RECORDINGS = 'amazon-connect-recordings-111111111111';
const HOURS = `${INSTANCE}/operating-hours/hhhhhhhh-1111-2222-3333-444444444444`;

function build(withNag: boolean) {
  const app = testApp();
  if (withNag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const env = { account: '111111111111', region: 'eu-west-2' };
  const valid = validateConfig(exampleCenter);
  if (!valid.ok) throw new Error(valid.problems.join('\n'));
  const data = new RoutingDataStack(app, 'Data', { env });
  const routing = new RoutingStack(app, 'Routing', {
    env,
    table: data.table,
    instanceArn: INSTANCE,
    contactCenter: valid.config,
    configuration: valid.config,
    callbackCallerId: { sourcePhoneNumber: '+441234567890' },
    recordings: { bucketName: RECORDINGS, prefix: 'connect/acme/CallRecordings' },
    voicemailRecordingWaitSeconds: 900,
    hoursOfOperationArn: HOURS,
  });
  return { app, template: Template.fromStack(routing) };
}

/** The stack's own functions (router functions and the push channel's), not aws-cdk-lib's custom resources. */
const ours = (t: Template) =>
  Object.fromEntries(
    Object.entries(t.findResources('AWS::Lambda::Function')).filter(([id]) => /^(Functions|Push)/.test(id)),
  );

describe('RoutingStack', () => {
  const { template } = build(false);

  it("runs every router Lambda (and the push channel's two) on Node.js 22, arm64, with tracing", () => {
    const functions = ours(template);
    expect(Object.keys(functions)).toHaveLength(ROUTER_FUNCTIONS.length + 2);
    for (const fn of Object.values(functions))
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
  });

  it("sends the instance's voice contact events to their handler", () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.connect'],
        'detail-type': ['Amazon Connect Contact Event'],
        detail: { channel: [{ 'equals-ignore-case': 'VOICE' }], instanceArn: [INSTANCE] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ContactEvents'), 'Arn'] } })],
    });
  });

  it('has a router bus with an archive, a timer queue with a dead-letter queue, and a sweep every minute', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.resourceCountIs('AWS::Events::Archive', 1);
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it("opens people's routes to verified tokens and integrations' routes to IAM, and logs access", () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const http = routes.filter((r) => !String(r.RouteKey).startsWith('$') && r.RouteKey !== 'sync');
    const byAuth = (type: string) =>
      http
        .filter((r) => r.AuthorizationType === type)
        .map((r) => r.RouteKey)
        .sort();
    expect(byAuth('AWS_IAM')).toEqual(['POST /callbacks', 'POST /work']);
    expect(byAuth('JWT')).toHaveLength(http.length - 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('IdentityPeopleWorkspace') }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-2.amazonaws.com/', Match.anyValue()]] },
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it("grants no wildcard action; targets only the instance's contacts; dials on * (no resource type)", () => {
    // The CDK-managed BucketDeployment handler is aws-cdk-lib's (its acknowledgements say what it may do).
    const policies = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'))
      .map(([, p]) => p);
    const statements = policies.flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    // Only the functions that call Connect themselves (router-functions.test.ts, per function).
    const calling = (action: string) =>
      ROUTER_FUNCTIONS.filter((f) => (f.connect as readonly string[]).includes(action));
    const targeting = statements.filter((s) => s.Action === 'connect:UpdateContactRoutingData');
    expect(targeting.map((s) => s.Resource)).toEqual(
      Array(calling('UpdateContactRoutingData').length).fill(`${INSTANCE}/contact/*`),
    );
    const dialing = statements.filter((s) => s.Action === 'connect:StartOutboundVoiceContact');
    expect(dialing.map((s) => s.Resource)).toEqual(Array(calling('StartOutboundVoiceContact').length).fill('*'));
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('alarms on routing errors and on dead-lettered timers, and has a dashboard', () => {
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length).toBeGreaterThanOrEqual(7);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it("alarms on Connect throttling and on the longest wait, from the router's own metrics", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'UnifiedRouting',
      MetricName: 'ConnectThrottled',
      Dimensions: [{ Name: 'service', Value: 'unified-routing' }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'UnifiedRouting',
      MetricName: 'LongestWaitSeconds',
      Threshold: 300,
    });
    // Voice offers waiting their turn under the Connect quota.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'UnifiedRouting',
      MetricName: 'ConnectPacingWait',
      ExtendedStatistic: 'p99',
      Threshold: 10_000,
    });
  });

  it('provisions the Connect side from the contact center', () => {
    // Inbound (with the voicemail branch), the customer queue flow, the callbacks' outbound flow, "call me back".
    template.resourceCountIs('AWS::Connect::ContactFlow', 4);
    template.resourceCountIs('AWS::Connect::IntegrationAssociation', 3);
    template.hasResourceProperties(
      'AWS::Lambda::Function',
      Match.objectLike({
        Environment: {
          Variables: Match.objectLike({ CALLBACK_FLOW_ID: Match.anyValue(), HOLDING_QUEUE_ID: Match.anyValue() }),
        },
      }),
    );
    template.hasResourceProperties(
      'AWS::Lambda::Function',
      Match.objectLike({
        Environment: { Variables: Match.objectLike({ VOICEMAIL_RECORDING_WAIT_SECONDS: '900' }) },
      }),
    );
    template.resourceCountIs('AWS::Connect::RoutingProfile', exampleCenter.groups.length);
  });

  it("routes each voicemail on its recording: the recordings bucket's call recordings reach their handler", () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { bucket: { name: [RECORDINGS] }, object: { key: [{ prefix: 'connect/acme/CallRecordings/' }] } },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('RecordingArrived'), 'Arn'] } })],
    });
  });

  it('lets only the timer handler and the sweeper list the recordings prefix, before reporting one missing', () => {
    const listing = Object.entries(template.findResources('AWS::IAM::Policy')).filter(
      ([id, p]) =>
        !id.startsWith('CustomCDKBucketDeployment') && JSON.stringify(p.Properties.PolicyDocument).includes(RECORDINGS),
    );
    expect(listing.map(([id]) => id.replace(/ServiceRoleDefaultPolicy.*$/, '')).sort()).toEqual([
      'FunctionsSweeper',
      'FunctionsTimerHandler',
    ]);
    for (const [, policy] of listing) {
      const statements = policy.Properties.PolicyDocument.Statement as { Action: unknown }[];
      expect(statements.filter((st) => JSON.stringify(st).includes(RECORDINGS))).toEqual([
        {
          Action: 's3:ListBucket',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:s3:::${RECORDINGS}`]] },
          Condition: { StringLike: { 's3:prefix': ['connect/acme/CallRecordings/*'] } },
        },
      ]);
    }
  });

  it('parks callers with the customer queue flow (callback and voicemail choices) and checks business hours', () => {
    template.hasResourceProperties('AWS::Connect::ContactFlow', { Type: 'CUSTOMER_QUEUE' });
    const flows = Object.values(template.findResources('AWS::Connect::ContactFlow'));
    const inbound = flows.find((f) => f.Properties.Name === 'UR-Inbound')!;
    const content = JSON.stringify(inbound.Properties.Content);
    expect(content).toContain('CheckHoursOfOperation');
    expect(content).toContain(HOURS);
    expect(content).toContain('UpdateContactEventHooks');
  });

  it('refuses a center that takes voicemail without the recordings bucket, naming the prop', () => {
    const app = testApp();
    const env = { account: '111111111111', region: 'eu-west-2' };
    const valid = validateConfig(exampleCenter);
    if (!valid.ok) throw new Error(valid.problems.join('\n'));
    const data = new RoutingDataStack(app, 'Data', { env });
    const props = { env, table: data.table, instanceArn: INSTANCE, contactCenter: valid.config };
    expect(
      () => new RoutingStack(app, 'NoBucket', { ...props, callbackCallerId: { sourcePhoneNumber: '+441234567890' } }),
    ).toThrow(/^recordings: required/);
  });

  it('passes cdk-nag AwsSolutions with only its justified acknowledgements', () => {
    expect(() => build(true).app.synth()).not.toThrow();
  });

  it('gives the functions that dial the callback source number, and no other function', () => {
    const functions = Object.entries(template.findResources('AWS::Lambda::Function'));
    const withSource = functions
      .filter(([, f]) => f.Properties.Environment?.Variables?.CALLBACK_SOURCE_PHONE_NUMBER === '+441234567890')
      .map(([id]) => id.replace(/^Functions/, '').replace(/[0-9A-F]{8}$/, ''))
      .sort();
    expect(withSource).toEqual(
      ROUTER_FUNCTIONS.filter((f) => f.connect.length > 0)
        .map((f) => f.id)
        .sort(),
    );
  });
});

describe('voice agents in step with Connect (issue #32)', () => {
  const { template } = build(false);

  it('consumes the agent event stream (Kinesis) in order, with partial failures and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Connect::InstanceStorageConfig', {
      InstanceArn: INSTANCE,
      ResourceType: 'AGENT_EVENTS',
      StorageType: 'KINESIS_STREAM',
      KinesisStreamConfig: { StreamArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: Match.objectLike({
        'Fn::GetAtt': Match.arrayWith([Match.stringLikeRegexp('AgentEventsStream')]),
      }),
      FunctionName: Match.objectLike({ Ref: Match.stringLikeRegexp('FunctionsAgentEvents') }),
      StartingPosition: 'LATEST',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it("approves the workspace's origin on the instance, so the softphone can be embedded in it", () => {
    template.hasResourceProperties('AWS::Connect::ApprovedOrigin', {
      InstanceId: INSTANCE,
      Origin: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^WorkspaceCdn'), 'DomainName'] }]],
      },
    });
  });

  it("places the reps' Connect users with their own function, granted only users, profiles and statuses", () => {
    const [placement] = Object.values(template.findResources('Custom::ConnectAgentPlacement'));
    const json = JSON.stringify(placement!.Properties.Placement);
    for (const user of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003'])
      expect(json).toContain(user);
    const policies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) =>
      id.startsWith('AgentPlacementPlacer'),
    );
    const statements = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: unknown }[]);
    const actions = statements.flatMap((s) => [s.Action].flat() as string[]).filter((a) => a.startsWith('connect:'));
    expect(actions.sort()).toEqual([
      'connect:DescribeUser',
      'connect:ListAgentStatuses',
      'connect:ListRoutingProfileQueues',
      'connect:ListTagsForResource',
      'connect:TagResource',
      'connect:UntagResource',
      'connect:UpdateUserPhoneConfig',
      'connect:UpdateUserRoutingProfile',
    ]);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['connect:TagResource', 'connect:UntagResource'],
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['unified-routing:previous-routing-profile'] } },
      }),
    );
  });
});

describe('delivery from the outbox (issues #13, #33)', () => {
  const { template } = build(false);

  it('streams new images to the dispatcher: outbox rows, partial failures, bisect, retried to 20 h, then S3', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('OutboxDispatch') },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      // No count cap: retried until 20 hours old, short of the stream's 24 (services-ddb-params).
      MaximumRetryAttempts: -1,
      MaximumRecordAgeInSeconds: 72_000,
      // An S3 destination gets the whole record; SQS and SNS only its shard and sequence numbers.
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('OutboxUndelivered'), 'Arn'] } },
      },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { NewImage: { outbox: { S: [{ exists: true }] } } },
            }),
          },
        ],
      },
    });
  });

  it('pages on the first record in the on-failure bucket, on falling behind, failing, and setting aside', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ source: ['aws.s3'], 'detail-type': ['Object Created'] }),
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('PagingTopic') } })],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', Threshold: 60_000 });
    for (const metric of ['OutboxDispatchFailed', 'OutboxSetAside', 'OutboxSetAsideRejected'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: metric, Threshold: 1 });
  });

  it('every alarm pages the topic, when it fires and when it clears', () => {
    const alarms = Object.entries(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(20);
    const topic = { Ref: Match.stringLikeRegexp('PagingTopic') };
    for (const [id, alarm] of alarms) {
      expect([id, alarm.Properties.AlarmActions]).toEqual([id, [expect.objectContaining({ Ref: expect.any(String) })]]);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: Match.absent(),
        AlarmActions: [topic],
        OKActions: [topic],
        MetricName: alarm.Properties.MetricName ?? Match.absent(),
      });
    }
  });

  it('sends what an asynchronous function could not handle, whole, to one alarmed queue the redrive empties', () => {
    const failed = { 'Fn::GetAtt': [Match.stringLikeRegexp('FailedInvocationsQueue'), 'Arn'] };
    for (const id of ['ContactEvents', 'WorkSubmitted']) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: Match.stringLikeRegexp(`Functions${id}`) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: failed } },
      });
      template.hasResourceProperties('AWS::Events::Rule', {
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`Functions${id}`), 'Arn'] },
            DeadLetterConfig: { Arn: failed },
          }),
        ],
      });
    }
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Input: JSON.stringify({ scheduled: true }) })],
    });
  });

  it('runs every router function with outbox delivery: only the dispatcher publishes, schedules, calls Connect', () => {
    const routers = Object.entries(ours(template)).filter(([id]) => !id.startsWith('PushAuthorizer'));
    expect(routers).toHaveLength(ROUTER_FUNCTIONS.length + 1);
    for (const [, fn] of routers) expect(fn.Properties.Environment.Variables.ROUTER_DELIVERY).toBe('outbox');
  });
});
