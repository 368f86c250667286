#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { validateConfig } from '../lambdas/domain/config/validate-config';
import { RoutingDataStack } from '../lib/stacks/routing-data-stack';
import { RoutingStack } from '../lib/stacks/routing-stack';

const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const context = (key: string) => app.node.tryGetContext(key) as string | undefined;
const instanceArn = context('instanceArn');
if (!instanceArn?.startsWith('arn:'))
  throw new Error(
    'set the Amazon Connect instance: cdk deploy -c instanceArn=arn:aws:connect:REGION:ACCOUNT:instance/ID',
  );
const centerPath = resolve(context('contactCenter') ?? 'examples/contact-center.json');
const center = validateConfig(JSON.parse(readFileSync(centerPath, 'utf8')));
if (!center.ok) throw new Error(`${centerPath} is not a valid contact center:\n${center.problems.join('\n')}`);
const unifiedRouting = center.config.unifiedRouting;
const recordingsBucket = context('recordingsBucket');
const recordingsPrefix = context('recordingsPrefix');
if (
  unifiedRouting &&
  center.config.queues.some((q) => q.channel === 'voicemail') &&
  !(recordingsBucket && recordingsPrefix)
)
  throw new Error(
    'the center takes voicemail: name where the instance writes call recordings: ' +
      'cdk deploy -c recordingsBucket=BUCKET -c recordingsPrefix=connect/ALIAS/CallRecordings',
  );
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
const data = new RoutingDataStack(app, 'UnifiedRoutingData', {
  env,
  deletionProtection: context('deletionProtection') !== 'false',
});
new RoutingStack(app, 'UnifiedRouting', {
  env,
  table: data.table,
  instanceArn,
  // UpdateContactRoutingData calls per second for all routers together: -c connectRoutingRate=<your quota>.
  connectRoutingRatePerSecond: context('connectRoutingRate') ? Number(context('connectRoutingRate')) : undefined,
  // PutUserStatus calls per second for all routers together: -c connectAgentStatusRate=<your quota>.
  connectAgentStatusRatePerSecond: context('connectAgentStatusRate')
    ? Number(context('connectAgentStatusRate'))
    : undefined,
  // Unified routing off: only the router's compute; Connect keeps routing calls itself.
  contactCenter: unifiedRouting ? center.config : undefined,
  // Loaded into the routing table by the deploy, either way: digital work is routed by it too.
  configuration: center.config,
  // An instance that already runs Service Cloud Voice has the Routing attribute: -c routingAttribute=adopt.
  routingAttribute: context('routingAttribute') === 'adopt' ? 'adopt' : 'create',
  // Callbacks need a number to call from: -c callbackPhoneNumberArn=<claimed number ARN> or
  // -c callbackSourcePhoneNumber=+E164.
  // Voicemails are routed once Connect writes their recording (the instance's data storage settings).
  recordings:
    recordingsBucket && recordingsPrefix ? { bucketName: recordingsBucket, prefix: recordingsPrefix } : undefined,
  // Out of hours, callers may leave a voicemail: -c hoursOfOperationArn=<the center's hours>.
  hoursOfOperationArn: context('hoursOfOperationArn'),
  // Every alarm pages this topic (your on-call tool's): -c alarmTopicArn=arn:aws:sns:…; without it, a new one.
  alarmTopicArn: context('alarmTopicArn'),
  callbackCallerId: {
    phoneNumberArn: context('callbackPhoneNumberArn'),
    sourcePhoneNumber: context('callbackSourcePhoneNumber'),
  },
  // People sign in with the stack's Cognito user pool, or with your OIDC issuer: -c oidcIssuer=…
  // (README, "Identity").
  oidc: oidcFromContext(),
  identity: {
    repIdClaims: context('repIdClaim')?.split(','),
    groupsClaim: context('groupsClaim'),
    repGroup: context('repGroup'),
    supervisorGroup: context('supervisorGroup'),
  },
  signInDomainPrefix: context('signInDomainPrefix'),
  // After a stack was destroyed and is deployed again: adopt its retained user pool, -c userPoolId=eu-west-2_….
  userPoolId: context('userPoolId'),
  workspaceWebAclId: context('workspaceWebAclId'),
  pushAccessLogs: context('pushAccessLogs') === 'true',
  // The softphone in the workspace: -c ccpUrl=https://ALIAS.my.connect.aws/ccp-v2/ (and -c ccpLoginUrl= for SAML).
  softphone: context('ccpUrl') ? { ccpUrl: context('ccpUrl')!, loginUrl: context('ccpLoginUrl') } : undefined,
});

function oidcFromContext() {
  const issuer = context('oidcIssuer');
  if (!issuer) return undefined;
  const need = (key: string) => {
    const value = context(key);
    if (!value) throw new Error(`with -c oidcIssuer, also set -c ${key}`);
    return value;
  };
  return {
    issuer,
    audience: need('oidcAudience').split(','),
    authorizeUrl: need('oidcAuthorizeUrl'),
    tokenUrl: need('oidcTokenUrl'),
    clientId: need('oidcClientId'),
    logoutUrl: context('oidcLogoutUrl'),
    jwksUri: context('oidcJwksUri'),
    // The scope your issuer puts in access tokens for the API: the HTTP API then refuses ID tokens.
    scope: context('oidcScope'),
    apiScope: context('oidcApiScope'),
  };
}
