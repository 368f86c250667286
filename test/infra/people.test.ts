import { Match, Template } from 'aws-cdk-lib/assertions';
import { PAGE_URI_RULES } from '../../lib/constructs/page-uri-rules';
import { HEADER_CSP } from '../../lib/constructs/rep-workspace-hosting';
import { RoutingDataStack } from '../../lib/stacks/routing-data-stack';
import { RoutingStack, type RoutingStackProps } from '../../lib/stacks/routing-stack';
import { testApp } from '../support/cdk-app';

const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const OKTA = 'https://example.okta.com/oauth2/default';

function build(extra: Partial<RoutingStackProps> = {}): Template {
  const app = testApp();
  const env = { account: '111111111111', region: 'eu-west-2' };
  const data = new RoutingDataStack(app, 'Data', { env });
  return Template.fromStack(
    new RoutingStack(app, 'Routing', { env, table: data.table, instanceArn: INSTANCE, ...extra }),
  );
}

const fnEnv = (t: Template, prefix: string) =>
  Object.entries(t.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith(prefix))![1].Properties
    .Environment.Variables as Record<string, unknown>;

describe('people: identity, the push channel and the workspace (issue #14)', () => {
  const t = build();

  it('creates a user pool for people only administrators add, with MFA, a reps and a supervisors group', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
    for (const group of ['reps', 'supervisors'])
      t.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      GenerateSecret: false,
      // With the API's own scope (the resource server's identifier, then /work).
      AllowedOAuthScopes: ['openid', 'profile', { 'Fn::Join': ['', [Match.anyValue(), '/work']] }],
      // The workspace and the Command Center: the two pages people sign in to.
      CallbackURLs: ['/', '/command-center/'].map((path) => ({
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('WorkspaceCdn'), 'DomainName'] }, path]],
      })),
    });
    t.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('lets only the workspace origin call the HTTP API from a browser', () => {
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [
          { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('WorkspaceCdn'), 'DomainName'] }]] },
        ],
        AllowHeaders: ['authorization', 'content-type'],
      }),
    });
  });

  it('authorizes the push channel on connect by the token in the query string, then routes disconnect and sync', () => {
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'CUSTOM' });
    for (const key of ['$disconnect', 'sync']) t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    expect(fnEnv(t, 'PushAuthorizer')).toMatchObject({
      COGNITO_USER_POOL_ID: { Ref: expect.stringMatching(/^IdentityPeople/) },
      REP_GROUP: 'reps',
    });
  });

  it('gives the dispatcher the push endpoint, and writes connection rows only under their own prefix', () => {
    expect(fnEnv(t, 'FunctionsOutboxDispatch').PUSH_ENDPOINT).toBeDefined();
    expect(fnEnv(t, 'PushSocket').PUSH_ENDPOINT).toEqual(fnEnv(t, 'FunctionsOutboxDispatch').PUSH_ENDPOINT);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DESK#*'] } },
          }),
        ]),
      },
    });
  });

  it('serves the workspace from a private bucket through CloudFront with origin access control', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
    // Each page's index.html, app.js and config.json (the API, push and sign-in URLs, resolved at deploy), and
    // connect-streams.js, which the workspace loads to embed the CCP.
    const [deployment] = Object.values(t.findResources('Custom::CDKBucketDeployment'));
    expect(deployment!.Properties.SourceObjectKeys).toHaveLength(7);
  });

  it('feeds the Command Center model from every routing event, through a queue, into its own bucket', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['unified-routing'] },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('CommandCenterEvents'), 'Arn'] } })],
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 2,
      ScalingConfig: { MaximumConcurrency: 2 },
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('CommandCenterEvents'), 'Arn'] },
    });
    const feed = fnEnv(t, 'CommandCenterFeed');
    expect(feed).toMatchObject({ MODEL_BUCKET: { Ref: expect.stringMatching(/^CommandCenterModel/) } });
    expect(feed.PUSH_ENDPOINT).toBeDefined();
    // The HTTP API reads the snapshot, one object per page view.
    expect(fnEnv(t, 'FunctionsHttpApiHandler').MODEL_BUCKET).toEqual(feed.MODEL_BUCKET);
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CONFIG*'] } },
          }),
        ]),
      },
    });
  });

  it('with an OIDC issuer: no user pool, and the authorizers and functions trust that issuer', () => {
    const oidc = build({
      oidc: {
        issuer: OKTA,
        audience: ['api://unified-routing'],
        authorizeUrl: `${OKTA}/v1/authorize`,
        tokenUrl: `${OKTA}/v1/token`,
        clientId: '0oa-workspace',
      },
      identity: { repIdClaims: ['rep_id'], groupsClaim: 'groups' },
    });
    oidc.resourceCountIs('AWS::Cognito::UserPool', 0);
    oidc.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: OKTA, Audience: ['api://unified-routing'] },
    });
    expect(fnEnv(oidc, 'PushAuthorizer')).toMatchObject({
      OIDC_ISSUER: OKTA,
      OIDC_AUDIENCE: 'api://unified-routing',
      REP_ID_CLAIM: 'rep_id',
      GROUPS_CLAIM: 'groups',
    });
    expect(fnEnv(oidc, 'FunctionsHttpApiHandler')).toMatchObject({ REP_ID_CLAIM: 'rep_id', GROUPS_CLAIM: 'groups' });
  });

  it('keeps a shift signed in: hour-long access tokens, a refresh token for 14 hours, the refresh grant only', () => {
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 840,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  it("requires the API's scope on people's routes, which only access tokens carry, and none on machines'", () => {
    t.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'unified-routing',
      Scopes: [{ ScopeName: 'work', ScopeDescription: Match.anyValue() }],
    });
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const people = routes.filter((r) => r.AuthorizationType === 'JWT');
    expect(people.length).toBeGreaterThan(10);
    for (const r of people) expect([r.RouteKey, r.AuthorizationScopes]).toEqual([r.RouteKey, ['unified-routing/work']]);
    for (const r of routes.filter((r) => r.AuthorizationType === 'AWS_IAM'))
      expect(r.AuthorizationScopes).toBeUndefined();
  });

  it('serves folder URLs (the Command Center) through the page URI rules, at viewer request', () => {
    t.hasResourceProperties('AWS::CloudFront::Function', {
      AutoPublish: true,
      FunctionCode: PAGE_URI_RULES,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: Match.anyValue() }],
        }),
      }),
    });
  });

  it("serves the pages with a Content-Security-Policy naming only the stack's API, push channel and sign-in", () => {
    const [policy] = Object.values(t.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const headers = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: HEADER_CSP, Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31_536_000 });
    // Each page's <meta> policy, written at deploy with the API, the push stage and the token endpoint.
    const [deployment] = Object.values(t.findResources('Custom::CDKBucketDeployment'));
    const markers = JSON.stringify(deployment!.Properties.SourceMarkers ?? deployment!.Properties);
    expect(markers).toContain('RouterApi');
    expect(markers).toContain('PushApi');
  });

  it('invites people by email with where to sign in, keeps the pool and groups, and has a prefix of its own', () => {
    const [pool] = Object.values(t.findResources('AWS::Cognito::UserPool'));
    const invite = JSON.stringify(pool!.Properties.AdminCreateUserConfig.InviteMessageTemplate);
    expect(invite).toContain('{username}');
    expect(invite).toContain('{####}');
    expect(invite).toContain('WorkspaceCdn');
    expect(pool!.DeletionPolicy).toBe('Retain');
    for (const group of Object.values(t.findResources('AWS::Cognito::UserPoolGroup')))
      expect(group.DeletionPolicy).toBe('Retain');
    // ur-<stack>-<first part of the stack id's UUID>: no two stacks ask for the same domain.
    const [domain] = Object.values(t.findResources('AWS::Cognito::UserPoolDomain'));
    expect(JSON.stringify(domain!.Properties.Domain)).toContain('AWS::StackId');
    t.hasOutput('UserPoolId', {});
  });

  it('adopts the user pool of an earlier deploy, with its people and groups, instead of creating one', () => {
    const adopted = build({ userPoolId: 'eu-west-2_Kept12345' });
    adopted.resourceCountIs('AWS::Cognito::UserPool', 0);
    adopted.resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
    adopted.hasResourceProperties('AWS::Cognito::UserPoolClient', { UserPoolId: 'eu-west-2_Kept12345' });
    adopted.hasResourceProperties('AWS::Cognito::UserPoolDomain', { UserPoolId: 'eu-west-2_Kept12345' });
  });
});
