import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import exampleCenter from '../../examples/contact-center.json';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import type { CallbackCallerId } from '../../lib/connect/caller-id';
import { SET_ROUTING_CRITERIA_ACTION } from '../../lib/connect/flow-language';
import { ConnectConfiguration, type UserIdentity } from '../../lib/constructs/connect-configuration';

const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';

const NUMBER = 'arn:aws:connect:eu-west-2:111111111111:phone-number/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function synth(
  users: UserIdentity | false = false,
  mirrorQueues = false,
  routingAttribute?: 'create' | 'adopt',
  callbackCallerId: CallbackCallerId | undefined = { phoneNumberArn: NUMBER },
) {
  const valid = validateConfig(exampleCenter);
  if (!valid.ok) throw new Error(valid.problems.join('\n'));
  const stack = new Stack(new App(), 'Connect', { env: { account: '111111111111', region: 'eu-west-2' } });
  const handOff = new LambdaFunction(stack, 'HandOff', {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('exports.handler = async () => ({})'),
  });
  new ConnectConfiguration(stack, 'Connect', {
    instanceArn: INSTANCE,
    contactCenter: valid.config,
    handOffFunction: handOff,
    mirrorQueues,
    routingAttribute,
    callbackCallerId,
    ...(users
      ? {
          users: {
            securityProfileArns: ['arn:aws:connect:eu-west-2:111111111111:instance/x/security-profile/agent'],
            identity: users,
          },
        }
      : {}),
  });
  return Template.fromStack(stack);
}

/** The flow Content is a string with CloudFormation tokens in it; put placeholders where they are and parse it. */
function flowContent(template: Template): {
  StartAction: string;
  Actions: {
    Identifier: string;
    Type: string;
    Parameters: Record<string, unknown>;
    Transitions: { NextAction?: string };
  }[];
} {
  const content = Object.values(template.findResources('AWS::Connect::ContactFlow'))[0]!.Properties.Content;
  const text =
    typeof content === 'string'
      ? content
      : (content['Fn::Join'][1] as unknown[])
          .map((part) => (typeof part === 'string' ? part : `TOKEN:${JSON.stringify(part).replace(/"/g, '')}`))
          .join('');
  return JSON.parse(text);
}

describe('ConnectConfiguration (semantics §8)', () => {
  const template = synth();

  it('creates the predefined attribute Routing with the value True', () => {
    template.hasResourceProperties('AWS::Connect::PredefinedAttribute', {
      InstanceArn: INSTANCE,
      Name: 'Routing',
      Values: { StringList: ['True'] },
    });
  });

  it('puts the holding queue in every routing profile and makes it the default outbound queue', () => {
    const holding = { 'Fn::GetAtt': [Match.stringLikeRegexp('HoldingQueue'), 'QueueArn'] };
    const profiles = template.findResources('AWS::Connect::RoutingProfile');
    expect(Object.keys(profiles)).toHaveLength(exampleCenter.groups.length);
    template.allResourcesProperties('AWS::Connect::RoutingProfile', {
      DefaultOutboundQueueArn: holding,
      QueueConfigs: Match.arrayWith([Match.objectLike({ QueueReference: { Channel: 'VOICE', QueueArn: holding } })]),
      // Example center: capacity 100, smallest chat 25 units → 4 chats.
      MediaConcurrencies: [
        { Channel: 'VOICE', Concurrency: 1 },
        { Channel: 'CHAT', Concurrency: 4 },
      ],
    });
    template.hasResourceProperties('AWS::Connect::RoutingProfile', { Name: 'UR-Support-T1' });
  });

  it('generates the inbound flow: holding queue → Routing = True, no expiry → hand-off → transfer', () => {
    const flow = flowContent(template);
    const byId = new Map(flow.Actions.map((a) => [a.Identifier, a]));
    const path = [byId.get(flow.StartAction)!];
    while (path.length < 4) path.push(byId.get(path.at(-1)!.Transitions.NextAction!)!);
    expect(path.map((a) => a.Type)).toEqual([
      'UpdateContactTargetQueue',
      SET_ROUTING_CRITERIA_ACTION,
      'InvokeLambdaFunction',
      'TransferContactToQueue',
    ]);
    expect(path[0]!.Parameters.QueueId).toMatch(/^TOKEN:.*HoldingQueue.*QueueArn/);
    expect(JSON.stringify(path[1]!.Parameters)).not.toContain('Expiry');
    expect(path[2]!.Parameters).toMatchObject({
      LambdaFunctionARN: expect.stringMatching(/^TOKEN:.*HandOff.*Arn/),
      LambdaInvocationAttributes: { queue: 'sales-voice' },
    });
    template.hasResource('AWS::Connect::ContactFlow', {
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('RoutingAttribute')]),
    });
  });

  it('associates the hand-off Lambda with the instance and lets only that instance invoke it', () => {
    template.hasResourceProperties('AWS::Connect::IntegrationAssociation', {
      InstanceId: INSTANCE,
      IntegrationType: 'LAMBDA_FUNCTION',
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'connect.amazonaws.com',
      SourceArn: INSTANCE,
      SourceAccount: '111111111111',
      Action: 'lambda:InvokeFunction',
    });
  });

  it("optionally mirrors the router's voice queues as Connect queues in every routing profile", () => {
    const mirrored = synth(false, true);
    const voiceQueues = exampleCenter.queues.filter((q) => q.channel === 'voice');
    for (const q of voiceQueues) mirrored.hasResourceProperties('AWS::Connect::Queue', { Name: `UR-${q.id}` });
    mirrored.allResourcesProperties('AWS::Connect::RoutingProfile', {
      QueueConfigs: Match.arrayWith([Match.objectLike({ Priority: 3 })]),
    });
    expect(Object.keys(template.findResources('AWS::Connect::Queue'))).toHaveLength(2);
  });

  it("optionally creates a user per rep with auto-accept on and the group's routing profile", () => {
    const withUsers = synth({ kind: 'saml' });
    expect(Object.keys(withUsers.findResources('AWS::Connect::User'))).toHaveLength(exampleCenter.reps.length);
    withUsers.allResourcesProperties('AWS::Connect::User', {
      AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: true }],
      RoutingProfileArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Profile'), 'RoutingProfileArn'] },
    });
    expect(Object.keys(template.findResources('AWS::Connect::User'))).toHaveLength(0);
  });

  it("creates the Routing attribute by default, and adopts the instance's own when told (Service Cloud Voice has it)", () => {
    const created = synth();
    created.resourceCountIs('AWS::Connect::PredefinedAttribute', 1);
    created.hasResourceProperties('AWS::Connect::PredefinedAttribute', {
      Name: 'Routing',
      Values: { StringList: ['True'] },
    });
    const adopted = synth(false, false, 'adopt');
    adopted.resourceCountIs('AWS::Connect::PredefinedAttribute', 0);
    // The flows still park on Routing = True, now the instance's own attribute; nothing waits on a resource of ours.
    for (const flow of Object.values(adopted.findResources('AWS::Connect::ContactFlow'))) {
      expect(JSON.stringify(flow.Properties.Content)).toContain('Routing');
      expect(flow.DependsOn ?? []).toEqual([]);
    }
  });

  it("dials callbacks from the holding queue's caller ID, and refuses callbacks with no number to call from", () => {
    synth().hasResourceProperties('AWS::Connect::Queue', {
      Name: 'UR-Holding',
      OutboundCallerConfig: { OutboundCallerIdNumberArn: NUMBER },
    });
    expect(() => synth(false, false, undefined, {})).toThrow(/callbackCallerId: the center takes callbacks/);
    expect(() => synth(false, false, undefined, { sourcePhoneNumber: '01234 567890' })).toThrow(/not an E.164 number/);
    expect(() => synth(false, false, undefined, { phoneNumberArn: 'a-number' })).toThrow(/not a Connect phone number/);
    const bySource = synth(false, false, undefined, { sourcePhoneNumber: '+441234567890' });
    const holding = Object.values(bySource.findResources('AWS::Connect::Queue')).find(
      (q) => q.Properties.Name === 'UR-Holding',
    );
    expect(holding?.Properties.OutboundCallerConfig).toBeUndefined();
  });

  it('gives users the names (and, when Connect manages identity, the password) CreateUser needs', () => {
    const saml = synth({ kind: 'saml' });
    saml.hasResourceProperties('AWS::Connect::User', {
      Username: 'ur-rep-01',
      IdentityInfo: { FirstName: 'Ana', LastName: 'rep-01' },
      Password: Match.absent(),
    });
    const managed = synth({ kind: 'connectManaged', passwordSecret: 'ur/rep-passwords' });
    managed.hasResourceProperties('AWS::Connect::User', {
      Username: 'ur-rep-01',
      Password: '{{resolve:secretsmanager:ur/rep-passwords:SecretString:rep-01::}}',
    });
    // Never a password in the template itself: every one is a deploy-time reference.
    for (const user of Object.values(managed.findResources('AWS::Connect::User'))) {
      expect(user.Properties.Password).toMatch(
        /^\{\{resolve:secretsmanager:ur\/rep-passwords:SecretString:[\w-]+::\}\}$/,
      );
    }
  });
});
