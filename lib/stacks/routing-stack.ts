import { Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnApprovedOrigin } from 'aws-cdk-lib/aws-connect';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Match, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import type { CallbackCallerId } from '../connect/caller-id';
import { AgentEventStream } from '../constructs/agent-event-stream';
import { AgentPlacement } from '../constructs/agent-placement';
import { CommandCenterModel } from '../constructs/command-center-model';
import { ConfigurationLoader } from '../constructs/configuration-loader';
import { ConnectConfiguration } from '../constructs/connect-configuration';
import { DesktopPush } from '../constructs/desktop-push';
import { OutboxDispatch } from '../constructs/outbox-dispatch';
import { type OidcIssuerProps, RepIdentity, type RepIdentityProps } from '../constructs/rep-identity';
import { RepWorkspaceHosting } from '../constructs/rep-workspace-hosting';
import { RouterAlarms } from '../constructs/router-alarms';
import { RouterApi } from '../constructs/router-api';
import { RouterFunctions } from '../constructs/router-functions';
import { RouterTimers } from '../constructs/router-timers';
import {
  acknowledgeFindings,
  acknowledgeLoaderFindings,
  acknowledgePeopleFindings,
  acknowledgePlacementFindings,
} from '../nag-acknowledgements';

export interface RoutingStackProps extends StackProps {
  /** The routing table (from RoutingDataStack). */
  readonly table: ITable;
  /** The Amazon Connect instance the router drives. */
  readonly instanceArn: string;
  /**
   * UpdateContactRoutingData calls per second, shared by every router instance: the account's quota in the Region
   * (Service Quotas), less what other applications use. 0 turns pacing off. @default 20
   */
  readonly connectRoutingRatePerSecond?: number;
  /** PutUserStatus calls per second for all routers together: the quota (2 by default), less others' use. @default 2 */
  readonly connectAgentStatusRatePerSecond?: number;
  /** When given, the Connect side (attribute, queues, routing profiles, flow) is provisioned too. */
  readonly contactCenter?: ContactCenterConfig;
  /**
   * The contact-center configuration the routers route by, loaded into the routing table by each deploy that changes
   * it (ConfigurationLoader). Given whether or not unified routing drives Connect: digital work needs it too.
   * @default the table's configuration is left as it is
   */
  readonly configuration?: ContactCenterConfig;
  /** Alarm when work has waited longer than this. @default 300 */
  readonly longestWaitAlarmSeconds?: number;
  /** Also create a Connect queue per router voice queue, for Connect's own queue reports. @default false */
  readonly mirrorQueues?: boolean;
  /**
   * Where the instance writes call recordings (its data storage settings: the bucket, with EventBridge
   * notifications on, and the call-recordings prefix, e.g. `connect/acme/CallRecordings`). Each voicemail is routed
   * once its recording's Object Created event arrives; before one is reported missing, the prefix is searched.
   * Required when the contact center has a voicemail queue.
   */
  readonly recordings?: { readonly bucketName: string; readonly prefix: string };
  /** How long a voicemail's recording may take to appear before it is reported missing, in seconds. @default 1800 */
  readonly voicemailRecordingWaitSeconds?: number;
  /** The center's business hours (hours-of-operation ARN); out of hours callers may leave a voicemail. */
  readonly hoursOfOperationArn?: string;
  /** Seconds a parked caller holds before being offered a callback or a voicemail. @default 60 */
  readonly offerChoicesAfterSeconds?: number;
  /** `adopt` an existing `Routing` predefined attribute instead of creating it (see ConnectConfiguration). */
  readonly routingAttribute?: 'create' | 'adopt';
  /** The number callbacks are dialed from: required when the center has a callback queue (see CallbackCallerId). */
  readonly callbackCallerId?: CallbackCallerId;
  /** People sign in with this OIDC issuer; without it the stack creates a Cognito user pool (RepIdentity). */
  readonly oidc?: OidcIssuerProps;
  /** How tokens map to reps and supervisors (claims and group names); defaults fit the user pool. */
  readonly identity?: Pick<RepIdentityProps, 'repIdClaims' | 'groupsClaim' | 'repGroup' | 'supervisorGroup'>;
  /** The Cognito hosted sign-in domain's prefix (globally unique). @default `ur-<stack name>` */
  readonly signInDomainPrefix?: string;
  /** An AWS WAF web ACL ARN for the workspace's CloudFront distribution. @default none */
  readonly workspaceWebAclId?: string;
  /** Access logs for the push channel (needs the account's API Gateway CloudWatch role). @default false */
  readonly pushAccessLogs?: boolean;
  /**
   * The CCP the workspace embeds (amazon-connect-streams): the instance's `https://ALIAS.my.connect.aws/ccp-v2/`,
   * and for a SAML instance its sign-in URL. Without it the page tells reps to answer calls in their own CCP.
   */
  readonly softphone?: { readonly ccpUrl: string; readonly loginUrl?: string };
}

/**
 * The router's compute, composed of one construct per concern: the bus, the timers, the functions (each with
 * only its own grants), the triggers that invoke them, the HTTP API, the alarms, and the Connect side.
 */
export class RoutingStack extends Stack {
  constructor(scope: Construct, id: string, props: RoutingStackProps) {
    super(scope, id, props);
    const bus = new EventBus(this, 'RouterBus', {
      description: 'unified-routing: routing events and work submissions',
    });
    bus.archive('RouterArchive', { eventPattern: { source: ['unified-routing'] }, retention: Duration.days(30) });
    const timers = new RouterTimers(this, 'Timers');
    const functions = new RouterFunctions(this, 'Functions', { ...props, bus, timers });
    const fn = (id: Parameters<RouterFunctions['get']>[0]) =>
      new LambdaFunction(functions.get(id), { retryAttempts: 8 });
    functions
      .get('TimerHandler')
      .addEventSource(new SqsEventSource(timers.queue, { batchSize: 10, reportBatchItemFailures: true }));
    new Rule(this, 'ConnectContactEvents', {
      description: 'Amazon Connect voice contact events drive accept, timeout, abandon and wrap-up',
      eventPattern: {
        source: ['aws.connect'],
        detailType: ['Amazon Connect Contact Event'],
        // AWS's samples write the channel both as VOICE and as Voice.
        detail: { channel: Match.equalsIgnoreCase('VOICE'), instanceArn: [props.instanceArn] },
      },
      targets: [fn('ContactEvents')],
    });
    new Rule(this, 'WorkSubmittedRule', {
      eventBus: bus,
      eventPattern: { detailType: ['Work Submitted'] },
      targets: [fn('WorkSubmitted')],
    });
    new Rule(this, 'SweepEveryMinute', {
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(functions.get('Sweeper'))],
    });
    this.people(props, functions, bus, timers);
    const agentEvents = new AgentEventStream(this, 'AgentEvents', {
      instanceArn: props.instanceArn,
      consumer: functions.get('AgentEvents'),
    });
    const outbox = new OutboxDispatch(this, 'Outbox', {
      table: props.table,
      dispatcher: functions.get('OutboxDispatch'),
    });
    new RouterAlarms(this, 'Alarms', {
      ...props,
      functions: functions.all,
      handOff: functions.get('HandOff'),
      timerQueue: timers.queue,
      timerDeadLetters: timers.deadLetters,
      outboxDeadLetters: outbox.deadLetters,
    });
    this.recordings(props, functions);
    if (props.contactCenter) this.connect(props, props.contactCenter, functions);
    acknowledgeFindings(functions, timers, outbox, agentEvents);
    if (props.configuration) {
      const loader = new ConfigurationLoader(this, 'Configuration', {
        table: props.table,
        configuration: props.configuration,
      });
      // Code first, then the configuration it understands (a new routing flow version, say): the file is loaded
      // once every router function is updated.
      loader.node.addDependency(functions);
      acknowledgeLoaderFindings(loader);
    }
  }

  /**
   * People: who they are (RepIdentity), the HTTP API their tokens open, the push channel to their desktops, and
   * the workspace page that uses both.
   */
  private people(props: RoutingStackProps, functions: RouterFunctions, bus: EventBus, timers: RouterTimers): void {
    const hosting = new RepWorkspaceHosting(this, 'Workspace', { webAclId: props.workspaceWebAclId });
    // The softphone (the CCP) may be embedded only by a page of an approved origin: the workspace's (semantics §8).
    new CfnApprovedOrigin(this, 'WorkspaceOrigin', {
      instanceId: props.instanceArn,
      origin: `https://${hosting.distribution.distributionDomainName}`,
    });
    const identity = new RepIdentity(this, 'Identity', {
      ...props.identity,
      oidc: props.oidc,
      workspaceUrl: hosting.url,
      commandCenterUrl: hosting.commandCenterUrl,
      domainPrefix: props.signInDomainPrefix,
    });
    const http = functions.get('HttpApiHandler');
    for (const [k, v] of Object.entries(identity.environment)) if (!k.startsWith('COGNITO_')) http.addEnvironment(k, v);
    const api = new RouterApi(this, 'RouterApi', {
      handler: http,
      jwt: { issuer: identity.issuer, audience: identity.audience },
      allowOrigins: [`https://${hosting.distribution.distributionDomainName}`],
    });
    const model = new CommandCenterModel(this, 'CommandCenter', { bus, table: props.table, readers: [http] });
    const push = new DesktopPush(this, 'Push', {
      table: props.table,
      routerEnvironment: functions.environment,
      identityEnvironment: identity.environment,
      pushers: [functions.get('OutboxDispatch'), model.feed],
      accessLogs: props.pushAccessLogs,
    });
    // A rep's last desktop closing starts the timer after which they are set away (semantics §7).
    timers.grantScheduling(push.socketFunction);
    const softphone = props.softphone && { kind: 'ccp' as const, region: this.region, ...props.softphone };
    hosting.publish({ apiUrl: api.api.apiEndpoint, pushUrl: push.url, auth: identity.signIn, softphone });
    acknowledgePeopleFindings({
      hosting,
      identity,
      push,
      dispatcher: functions.get('OutboxDispatch'),
      model,
      webAcl: props.workspaceWebAclId !== undefined,
      pushAccessLogs: props.pushAccessLogs === true,
      scheduleGroup: this.getLogicalId(timers.scheduleGroup),
    });
  }

  /** Voicemails wait for their recording: the recordings bucket's Object Created events for call recordings. */
  private recordings(props: RoutingStackProps, functions: RouterFunctions): void {
    const takesVoicemail = props.contactCenter?.queues.some((q) => q.channel === 'voicemail') ?? false;
    const recordings = props.recordings;
    if (!recordings) {
      if (takesVoicemail)
        throw new Error(
          'recordings: required when the center has a voicemail queue (voicemails wait for their recording)',
        );
      return;
    }
    const prefix = recordings.prefix.replace(/^\/+|\/+$/g, '');
    const wait = props.voicemailRecordingWaitSeconds;
    if (wait !== undefined) functions.get('Voicemail').addEnvironment('VOICEMAIL_RECORDING_WAIT_SECONDS', String(wait));
    new Rule(this, 'RecordingCreated', {
      description: 'A call recording was written: a voicemail waiting for it is queued with its location',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [recordings.bucketName] }, object: { key: Match.prefix(`${prefix}/`) } },
      },
      targets: [new LambdaFunction(functions.get('RecordingArrived'), { retryAttempts: 8 })],
    });
    // The functions that report a voicemail missing (its deadline timer, or the sweeper) search the prefix first.
    for (const f of [functions.get('TimerHandler'), functions.get('Sweeper')]) {
      f.addEnvironment('RECORDINGS_BUCKET', recordings.bucketName);
      f.addEnvironment('RECORDINGS_PREFIX', prefix);
      f.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [`arn:${this.partition}:s3:::${recordings.bucketName}`],
          conditions: { StringLike: { 's3:prefix': [`${prefix}/*`] } },
        }),
      );
    }
  }

  private connect(props: RoutingStackProps, contactCenter: ContactCenterConfig, functions: RouterFunctions): void {
    const connect = new ConnectConfiguration(this, 'Connect', {
      instanceArn: props.instanceArn,
      contactCenter,
      handOffFunction: functions.get('HandOff'),
      mirrorQueues: props.mirrorQueues,
      voicemailFunction: functions.get('Voicemail'),
      callbackFunction: functions.get('CallbackRequest'),
      routingAttribute: props.routingAttribute,
      callbackCallerId: props.callbackCallerId,
      hoursOfOperationArn: props.hoursOfOperationArn,
      offerChoicesAfterSeconds: props.offerChoicesAfterSeconds,
    });
    // Users into their group's profile (when any rep names one), after the profiles exist.
    if (contactCenter.reps.some((r) => r.connectUserId)) {
      const placement = new AgentPlacement(this, 'AgentPlacement', {
        instanceArn: props.instanceArn,
        contactCenter,
        routingProfiles: connect.routingProfiles,
        holdingQueue: connect.holdingQueue,
      });
      acknowledgePlacementFindings(placement, props.instanceArn);
    }
    // Callbacks are dialed into the callback flow and parked in the holding queue (ids: the ARNs' last part).
    const idOf = (arn: string) => Fn.select(3, Fn.split('/', arn));
    for (const f of functions.withTelephony) {
      f.addEnvironment('CALLBACK_FLOW_ID', idOf(connect.callbackOutboundFlow.attrContactFlowArn));
      f.addEnvironment('HOLDING_QUEUE_ID', idOf(connect.holdingQueue.attrQueueArn));
      const source = props.callbackCallerId?.sourcePhoneNumber;
      if (source) f.addEnvironment('CALLBACK_SOURCE_PHONE_NUMBER', source);
    }
  }
}
