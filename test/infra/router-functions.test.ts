import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { ROUTER_FUNCTIONS } from '../../lib/constructs/router-functions';
import { RoutingDataStack } from '../../lib/stacks/routing-data-stack';
import { RoutingStack } from '../../lib/stacks/routing-stack';
import { testApp } from '../support/cdk-app';

const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';

type Statement = { Action: string | string[]; Resource: unknown };
type Resource = { Type: string; Properties: Record<string, unknown> };

function template(): Template {
  const app = testApp();
  const env = { account: '111111111111', region: 'eu-west-2' };
  const data = new RoutingDataStack(app, 'Data', { env });
  return Template.fromStack(new RoutingStack(app, 'Routing', { env, table: data.table, instanceArn: INSTANCE }));
}

/** Every statement of the policies attached to the role of the function whose logical id contains `id`. */
function statementsOf(t: Template, id: string): Statement[] {
  const resources = t.toJSON().Resources as Record<string, Resource>;
  const [, fn] = Object.entries(resources).find(
    ([logicalId, r]) => r.Type === 'AWS::Lambda::Function' && new RegExp(`^Functions${id}[0-9A-F]{8}$`).test(logicalId),
  )!;
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => (r.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === role))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The environment of the function whose logical id contains `id`. */
function environmentOf(t: Template, id: string): Record<string, unknown> {
  const resources = t.toJSON().Resources as Record<string, Resource>;
  const [, fn] = Object.entries(resources).find(
    ([logicalId, r]) => r.Type === 'AWS::Lambda::Function' && new RegExp(`^Functions${id}[0-9A-F]{8}$`).test(logicalId),
  )!;
  return (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

const actionsOf = (statements: Statement[]) => [...new Set(statements.flatMap((s) => [s.Action].flat()))].sort();

const ROUTING = [
  'dynamodb:ConditionCheckItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
];
/** Only the outbox dispatcher delivers: it publishes events and starts timers; the timer handler re-arms them. */
const PUBLISHES = ['events:PutEvents'];
const SCHEDULES = [
  'iam:PassRole',
  'scheduler:CreateSchedule',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:SendMessage',
];
/** Each Connect action on the instance's resources of the types the Service Authorization Reference names. */
const CONNECT_RESOURCES: Record<string, unknown> = {
  UpdateContactRoutingData: `${INSTANCE}/contact/*`,
  StartOutboundVoiceContact: '*',
  PutUserStatus: [INSTANCE, `${INSTANCE}/agent/*`, `${INSTANCE}/agent-state/*`],
  ListAgentStatuses: `${INSTANCE}/agent-state/*`,
  DismissUserContact: `${INSTANCE}/agent/*`,
};
/** The outbox dispatcher reads the table's stream. */
const READS_STREAM = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];
/** The agent events' function reads the agent event stream (aws-cdk-lib's grant) and describes failures to its DLQ. */
const READS_AGENT_STREAM = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamConsumer',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
  'kinesis:ListStreams',
  'kinesis:SubscribeToShard',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:SendMessage',
];
/** The outbox dispatcher also pushes to desktops, removing connections API Gateway reports gone. */
const PUSHES = ['dynamodb:DeleteItem', 'execute-api:ManageConnections'];
/** The HTTP API reads the Command Center's snapshot for supervisors' pages. */
const READS_MODEL = ['s3:GetObject', 's3:ListBucket'];
/** The stream's records past their retries go whole to a bucket (the Lambda guide's grants for an S3 destination). */
const WRITES_UNDELIVERED = ['s3:ListBucket', 's3:PutObject'];
/**
 * Functions EventBridge invokes send what they could not handle to the failed-invocations queue (RecordingArrived
 * too, in a stack given recordings; this one is not).
 */
const SENDS_FAILURES = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
const ASYNCHRONOUS = ['ContactEvents', 'WorkSubmitted'];
/** The redrive empties that queue into the functions it names, and removes the set-aside entries it delivered. */
const REDRIVES = [
  'dynamodb:DeleteItem',
  'lambda:InvokeFunction',
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
];
/** The timer handler also consumes its queue. */
const CONSUMES_TIMERS = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:ReceiveMessage'];

describe('router functions: each gets only what its router calls', () => {
  const t = template();

  it.each(ROUTER_FUNCTIONS.map((s) => [s.id, s] as const))('%s', (id, spec) => {
    const statements = statementsOf(t, id);
    const expected = [
      ...ROUTING,
      ...spec.connect.map((a) => `connect:${a}`),
      ...('publishes' in spec && spec.publishes ? PUBLISHES : []),
      ...('schedules' in spec && spec.schedules ? SCHEDULES : []),
      ...(id === 'TimerHandler' ? CONSUMES_TIMERS : []),
      ...(id === 'OutboxDispatch' ? [...READS_STREAM, ...PUSHES, ...WRITES_UNDELIVERED] : []),
      ...(id === 'Redrive' ? [...PUSHES, ...REDRIVES] : []),
      ...(ASYNCHRONOUS.includes(id) ? SENDS_FAILURES : []),
      ...(id === 'HttpApiHandler' ? READS_MODEL : []),
      ...(id === 'AgentEvents' ? READS_AGENT_STREAM : []),
    ];
    expect(actionsOf(statements)).toEqual([...new Set(expected)].sort());
    const connect = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('connect:')));
    expect(connect.map((s) => ({ Action: s.Action, Resource: s.Resource }))).toEqual(
      spec.connect.map((a) => ({ Action: `connect:${a}`, Resource: CONNECT_RESOURCES[a] })),
    );
  });

  it('no function may Scan, batch-write or use a wildcard action', () => {
    const all = ROUTER_FUNCTIONS.flatMap((s) => actionsOf(statementsOf(t, s.id)));
    expect(all.filter((a) => a.includes('*') || a === 'dynamodb:Scan' || a === 'dynamodb:BatchWriteItem')).toEqual([]);
  });

  it.each(ROUTER_FUNCTIONS.map((s) => [s.handlerFile, s.connect.length > 0] as const))(
    'lambdas/handlers/%s.ts wires telephony exactly when its grant allows it (%s)',
    (file, telephony) => {
      const source = readFileSync(join(__dirname, '../../lambdas/handlers', `${file}.ts`), 'utf8');
      expect(source.includes('telephony: telephonyFromEnvironment')).toBe(telephony);
    },
  );

  it('paces calls at 20 and statuses at 2 a second by default, for the functions that reach Connect only', () => {
    const t = template();
    for (const spec of ROUTER_FUNCTIONS) {
      const env = environmentOf(t, spec.id);
      expect(env.CONNECT_ROUTING_RATE).toBe(spec.connect.length ? '20' : undefined);
      expect(env.CONNECT_AGENT_STATUS_RATE).toBe(spec.connect.length ? '2' : undefined);
    }
  });
});
