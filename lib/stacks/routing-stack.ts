import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { CfnApprovedOrigin } from 'aws-cdk-lib/aws-connect';
import { EventBus, Match, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { AgentEventStream } from '../constructs/agent-event-stream';
import { CommandCenterModel } from '../constructs/command-center-model';
import { ConfigurationLoader } from '../constructs/configuration-loader';
import { DesktopPush } from '../constructs/desktop-push';
import { EventSchemaRegistry } from '../constructs/event-schema-registry';
import { FailedInvocations } from '../constructs/failed-invocations';
import { OutboxDispatch } from '../constructs/outbox-dispatch';
import { Paging } from '../constructs/paging';
import { RepIdentity } from '../constructs/rep-identity';
import { RepWorkspaceHosting } from '../constructs/rep-workspace-hosting';
import { RouterAlarms } from '../constructs/router-alarms';
import { RouterApi } from '../constructs/router-api';
import { RouterFunctions } from '../constructs/router-functions';
import { RouterTimers } from '../constructs/router-timers';
import { acknowledgeFindings, acknowledgeLoaderFindings, acknowledgePeopleFindings } from '../nag-acknowledgements';
import type { RoutingStackProps } from './routing-stack-props';
import { wireConnect, wireRecordings } from './routing-stack-voice';

export type { RoutingStackProps } from './routing-stack-props';

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
    // Subscribers download code bindings for the catalogue's events instead of copying JSON (docs/events).
    new EventSchemaRegistry(this, 'EventSchemas');
    const timers = new RouterTimers(this, 'Timers');
    const functions = new RouterFunctions(this, 'Functions', { ...props, bus, timers });
    const paging = new Paging(this, 'Paging', { topicArn: props.alarmTopicArn });
    // Every asynchronous entry point: what it cannot handle goes whole to one alarmed queue the redrive empties.
    const failed = new FailedInvocations(this, 'FailedInvocations');
    const fn = (id: Parameters<RouterFunctions['get']>[0]) => failed.target(functions.get(id));
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
      alarmTopic: paging.topic,
    });
    new Rule(this, 'RedriveEveryMinute', {
      description: 'set-aside outbox entries and failed asynchronous events delivered again, each after its backoff',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [
        new LambdaFunction(functions.get('Redrive'), { event: RuleTargetInput.fromObject({ scheduled: true }) }),
      ],
    });
    new RouterAlarms(this, 'Alarms', {
      ...props,
      functions: functions.all,
      handOff: functions.get('HandOff'),
      dispatcher: functions.get('OutboxDispatch'),
      timerQueue: timers.queue,
      timerDeadLetters: timers.deadLetters,
      failedInvocations: failed.queue,
    });
    wireRecordings(this, props, functions, failed);
    failed.grantRedrive(functions.get('Redrive'));
    new CfnOutput(this, 'RedriveFunctionName', {
      description: 'npm run redrive -- --function <this>: delivers what the router set aside or could not handle',
      value: functions.get('Redrive').functionName,
    });
    if (props.contactCenter) wireConnect(this, props, props.contactCenter, functions);
    acknowledgeFindings(functions, timers, { outbox, paging, failed, agentEvents });
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
      existingUserPoolId: props.userPoolId,
    });
    if (identity.userPool)
      new CfnOutput(this, 'UserPoolId', {
        description: 'npm run people -- … --pool <this>: adds, lists and removes reps and supervisors',
        value: identity.userPool.userPoolId,
      });
    const http = functions.get('HttpApiHandler');
    for (const [k, v] of Object.entries(identity.environment)) if (!k.startsWith('COGNITO_')) http.addEnvironment(k, v);
    const api = new RouterApi(this, 'RouterApi', {
      handler: http,
      jwt: { issuer: identity.issuer, audience: identity.audience, scope: identity.apiScope },
      allowOrigins: [`https://${hosting.distribution.distributionDomainName}`],
    });
    const model = new CommandCenterModel(this, 'CommandCenter', { bus, table: props.table, readers: [http] });
    const push = new DesktopPush(this, 'Push', {
      table: props.table,
      routerEnvironment: functions.environment,
      identityEnvironment: identity.environment,
      pushers: [functions.get('OutboxDispatch'), functions.get('Redrive'), model.feed],
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
      deliverers: [functions.get('OutboxDispatch'), functions.get('Redrive')],
      model,
      webAcl: props.workspaceWebAclId !== undefined,
      pushAccessLogs: props.pushAccessLogs === true,
      scheduleGroup: this.getLogicalId(timers.scheduleGroup),
    });
  }
}
