import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import exampleCenter from '../../examples/contact-center.json';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { ConfigurationLoader } from '../../lib/constructs/configuration-loader';
import { ROUTER_FUNCTIONS } from '../../lib/constructs/router-functions';
import { RoutingDataStack } from '../../lib/stacks/routing-data-stack';
import { RoutingStack } from '../../lib/stacks/routing-stack';
import { testApp } from '../support/cdk-app';

const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const valid = validateConfig(exampleCenter);
if (!valid.ok) throw new Error(valid.problems.join('\n'));
const center = valid.config;
/** The bootstrap's asset bucket in the test environment. */
const ASSETS = 'cdk-hnb659fds-assets-111111111111-eu-west-2';
const keyOf = (tpl: Template) =>
  Object.values(tpl.findResources('Custom::ContactCenterConfiguration'))[0]!.Properties.Key as string;

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

function template(configuration?: ContactCenterConfig): Template {
  const app = testApp();
  const env = { account: '111111111111', region: 'eu-west-2' };
  const data = new RoutingDataStack(app, 'Data', { env });
  return Template.fromStack(
    new RoutingStack(app, 'Routing', { env, table: data.table, instanceArn: INSTANCE, configuration }),
  );
}

/** The statements of the loader's own policy (not the custom resource framework's). */
function loaderStatements(t: Template): Statement[] {
  const policies = Object.entries(t.findResources('AWS::IAM::Policy')).filter(([id]) =>
    /^ConfigurationLoaderServiceRoleDefaultPolicy/.test(id),
  );
  expect(policies).toHaveLength(1);
  return policies[0]![1].Properties.PolicyDocument.Statement as Statement[];
}

describe('the configuration loader (the deploy puts the contact-center file in the routing table)', () => {
  const t = template(center);

  it('loads the file through a custom resource whose properties name the uploaded file by its content hash', () => {
    t.resourceCountIs('Custom::ContactCenterConfiguration', 1);
    t.hasResourceProperties('Custom::ContactCenterConfiguration', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ConfigurationProviderframeworkonEvent'), 'Arn'] },
      Bucket: ASSETS,
      Key: Match.stringLikeRegexp('^[0-9a-f]{64}\\.json$'),
    });
  });

  it('stores a new revision exactly when the file changes: another center is another key', () => {
    // The construct alone, in a bare stack: the key is the file's hash wherever it is deployed.
    const alone = (configuration: ContactCenterConfig) => {
      const stack = new Stack(testApp(), 'Alone', { env: { account: '111111111111', region: 'eu-west-2' } });
      const table = new Table(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
      new ConfigurationLoader(stack, 'Configuration', { table, configuration });
      return keyOf(Template.fromStack(stack));
    };
    expect(alone(center)).toBe(keyOf(t));
    const renamed = { ...center, queues: center.queues.map((q, i) => (i === 0 ? { ...q, priority: 9 } : q)) };
    expect(alone(renamed)).not.toBe(keyOf(t));
  });

  it("may read that one file and what a change must not strand; writes only the configuration's rows and reps' availability keys", () => {
    const statements = loaderStatements(t).filter((s) => ![s.Action].flat().some((a) => a.startsWith('xray:')));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:s3:::${ASSETS}/${keyOf(t)}`]] },
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Resource: [
          { 'Fn::ImportValue': expect.stringMatching(/RoutingTable.*Arn/) },
          ...['waiting', 'held'].map((index) => ({
            'Fn::Join': ['', [{ 'Fn::ImportValue': expect.stringMatching(/RoutingTable.*Arn/) }, `/index/${index}`]],
          })),
        ],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
        Resource: { 'Fn::ImportValue': expect.stringMatching(/RoutingTable.*Arn/) },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CONFIG*'] } },
      },
      {
        Effect: 'Allow',
        Action: 'dynamodb:UpdateItem',
        Resource: { 'Fn::ImportValue': expect.stringMatching(/RoutingTable.*Arn/) },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REP#*'] } },
      },
    ]);
  });

  it('runs as the router functions do (Node.js 22 on arm64, traced), given the table and the time to settle', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Timeout: 300,
      Environment: {
        Variables: Match.objectEquals({
          TABLE_NAME: Match.anyValue(),
          // The routers' configuration cache (30 s) and the longest a router function runs (60 s).
          SETTLE_MS: '90000',
          POWERTOOLS_SERVICE_NAME: 'unified-routing',
        }),
      },
    });
  });

  it('loads the file only once every router function is updated (the code that must understand it)', () => {
    const [resource] = Object.values(t.findResources('Custom::ContactCenterConfiguration'));
    const functions = Object.keys(t.findResources('AWS::Lambda::Function')).filter((id) => /^Functions/.test(id));
    expect(functions).toHaveLength(ROUTER_FUNCTIONS.length);
    expect(resource!.DependsOn).toEqual(expect.arrayContaining(functions));
  });

  it("keeps the custom resource framework's logs a month, as the functions' own", () => {
    const groups = Object.entries(t.findResources('AWS::Logs::LogGroup')).filter(([id]) =>
      id.startsWith('Configuration'),
    );
    expect(groups.map(([, g]) => g.Properties.RetentionInDays)).toEqual([30, 30]);
  });

  it('is left out when the stack is given no configuration', () => {
    template().resourceCountIs('Custom::ContactCenterConfiguration', 0);
  });
});
