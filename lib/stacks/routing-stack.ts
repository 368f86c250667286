import { Duration, Fn, Stack, type StackProps, Token } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { routingTableDefinition } from '../../lambdas/adapters/dynamodb/table-definition';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import { ConnectConfiguration } from '../constructs/connect-configuration';
import { RouterFunction } from '../constructs/router-function';
import { acknowledgeFindings } from '../nag-acknowledgements';

export interface RoutingStackProps extends StackProps {
  /** The routing table (from RoutingDataStack). */
  readonly table: ITable;
  /** The Amazon Connect instance the router drives. */
  readonly instanceArn: string;
  /** When given, the Connect side (attribute, queues, routing profiles, flow) is provisioned too. */
  readonly contactCenter?: ContactCenterConfig;
  /** Alarm when work has waited longer than this. @default 300 */
  readonly longestWaitAlarmSeconds?: number;
  /** Also create a Connect queue per router voice queue, for Connect's own queue reports. @default false */
  readonly mirrorQueues?: boolean;
  /**
   * Where the instance stores call recordings (its CallRecordings S3 prefix); voicemail items carry
   * `<prefix>/<contactId>` as the recording's location. @default 's3://<instance recordings bucket>/CallRecordings'
   */
  readonly recordingLocationPrefix?: string;
}

/** The router's compute: Lambdas, event bus, timers, HTTP API, schedules, alarms; least privilege throughout. */
export class RoutingStack extends Stack {
  constructor(scope: Construct, id: string, props: RoutingStackProps) {
    super(scope, id, props);
    const bus = new EventBus(this, 'RouterBus', {
      description: 'unified-routing: routing events and work submissions',
    });
    bus.archive('RouterArchive', { eventPattern: { source: ['unified-routing'] }, retention: Duration.days(30) });
    const dlq = new Queue(this, 'TimersDlq', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    const timers = new Queue(this, 'Timers', {
      visibilityTimeout: Duration.seconds(60),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: dlq, maxReceiveCount: 5 },
    });
    const group = new CfnScheduleGroup(this, 'TimerSchedules', {});
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Delivers due router timers to the timer queue',
    });
    timers.grantSendMessages(schedulerRole);
    const environment = {
      TABLE_NAME: props.table.tableName,
      EVENT_BUS_NAME: bus.eventBusName,
      CONNECT_INSTANCE_ARN: props.instanceArn,
      TIMER_QUEUE_URL: timers.queueUrl,
      TIMER_QUEUE_ARN: timers.queueArn,
      SCHEDULE_GROUP: group.ref,
      SCHEDULER_ROLE_ARN: schedulerRole.roleArn,
    };
    const fn = (id: string, handlerFile: string, timeout?: Duration) => {
      const f = new RouterFunction(this, id, { handlerFile, environment, timeout });
      // Exactly the calls the store makes, on the table and its three named indexes (no Scan, no index/*).
      f.addToRolePolicy(
        new PolicyStatement({
          actions: [
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
            'dynamodb:Query',
            'dynamodb:BatchWriteItem',
            'dynamodb:ConditionCheckItem',
          ],
          resources: [
            props.table.tableArn,
            ...routingTableDefinition.indexes.map((i) => `${props.table.tableArn}/index/${i.indexName}`),
          ],
        }),
      );
      bus.grantPutEventsTo(f);
      timers.grantSendMessages(f);
      f.addToRolePolicy(
        new PolicyStatement({
          actions: ['scheduler:CreateSchedule'],
          resources: [`arn:${this.partition}:scheduler:${this.region}:${this.account}:schedule/${group.ref}/*`],
        }),
      );
      f.addToRolePolicy(new PolicyStatement({ actions: ['iam:PassRole'], resources: [schedulerRole.roleArn] }));
      // Targeting parked calls, and dialing callbacks: both act on contacts of this one instance.
      f.addToRolePolicy(
        new PolicyStatement({
          actions: ['connect:UpdateContactRoutingData', 'connect:StartOutboundVoiceContact'],
          resources: [`${props.instanceArn}/contact/*`],
        }),
      );
      return f;
    };
    const handOff = fn('HandOff', 'contact-flow-handoff', Duration.seconds(8));
    const contactEvents = fn('ContactEvents', 'connect-contact-events');
    const workSubmitted = fn('WorkSubmitted', 'work-submitted');
    const httpApi = fn('HttpApiHandler', 'http-api');
    const timerHandler = fn('TimerHandler', 'timers');
    const sweeper = fn('Sweeper', 'sweeper', Duration.seconds(60));
    const voicemail = fn('Voicemail', 'voicemail', Duration.seconds(8));
    voicemail.addEnvironment(
      'RECORDING_LOCATION_PREFIX',
      props.recordingLocationPrefix ?? 's3://<instance recordings bucket>/CallRecordings',
    );
    const callbackRequest = fn('CallbackRequest', 'callback-request', Duration.seconds(8));
    timerHandler.addEventSource(new SqsEventSource(timers, { batchSize: 10, reportBatchItemFailures: true }));
    new Rule(this, 'ConnectContactEvents', {
      description: 'Amazon Connect voice contact events drive accept, timeout, abandon and wrap-up',
      eventPattern: {
        source: ['aws.connect'],
        detailType: ['Amazon Connect Contact Event'],
        detail: { channel: ['VOICE'], instanceArn: [props.instanceArn] },
      },
      targets: [new LambdaFunction(contactEvents, { retryAttempts: 8 })],
    });
    new Rule(this, 'WorkSubmittedRule', {
      eventBus: bus,
      eventPattern: { detailType: ['Work Submitted'] },
      targets: [new LambdaFunction(workSubmitted, { retryAttempts: 8 })],
    });
    new Rule(this, 'SweepEveryMinute', {
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(sweeper)],
    });
    const api = new HttpApi(this, 'RouterApi', {
      description: 'unified-routing: rep commands and supervisor reads',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(
          new LogGroup(this, 'RouterApiAccessLogs', { retention: RetentionDays.ONE_YEAR }),
        ),
      },
    });
    const integration = new HttpLambdaIntegration('RouterApiIntegration', httpApi);
    const routes: [HttpMethod, string][] = [
      [HttpMethod.POST, '/work'],
      [HttpMethod.POST, '/reps/{repId}/login'],
      [HttpMethod.POST, '/reps/{repId}/logout'],
      [HttpMethod.PUT, '/reps/{repId}/status'],
      [HttpMethod.POST, '/reps/{repId}/outbound'],
      [HttpMethod.GET, '/reps/{repId}'],
      [HttpMethod.GET, '/queues/{queueId}/waiting'],
      [HttpMethod.POST, '/items/{itemId}/accept'],
      [HttpMethod.POST, '/items/{itemId}/decline'],
      [HttpMethod.POST, '/items/{itemId}/complete'],
      [HttpMethod.POST, '/items/{itemId}/end-wrap-up'],
      [HttpMethod.POST, '/items/{itemId}/transfer'],
      [HttpMethod.GET, '/reps/{repId}/transfer-destinations'],
      [HttpMethod.POST, '/callbacks'],
      [HttpMethod.POST, '/items/{itemId}/dial-outcome'],
    ];
    for (const [method, path] of routes) api.addRoutes({ path, methods: [method], integration });
    const functions = [
      handOff,
      contactEvents,
      workSubmitted,
      httpApi,
      timerHandler,
      sweeper,
      voicemail,
      callbackRequest,
    ];
    for (const f of functions) {
      new Alarm(this, `${f.node.id}Errors`, {
        metric: f.metricErrors({ period: Duration.minutes(1) }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `routing errors in ${f.node.id}`,
      });
    }
    new Alarm(this, 'TimersDlqDepth', {
      metric: dlq.metricApproximateNumberOfMessagesVisible(),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: 'router timers failed repeatedly',
    });
    const routerMetric = (metricName: string, statistic: string) =>
      new Metric({
        namespace: 'UnifiedRouting',
        metricName,
        dimensionsMap: { service: 'unified-routing' },
        statistic,
        period: Duration.minutes(1),
      });
    new Alarm(this, 'ConnectThrottles', {
      metric: routerMetric('ConnectThrottled', 'Sum'),
      threshold: 5,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'UpdateContactRoutingData is being throttled: raise the Connect quota',
    });
    new Alarm(this, 'LongestWait', {
      metric: routerMetric('LongestWaitSeconds', 'Maximum'),
      threshold: props.longestWaitAlarmSeconds ?? 300,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'work has waited too long',
    });
    new Dashboard(this, 'RouterDashboard', {
      widgets: [
        [
          new GraphWidget({ title: 'Invocations', left: functions.map((f) => f.metricInvocations()) }),
          new GraphWidget({ title: 'Errors', left: functions.map((f) => f.metricErrors()) }),
          new GraphWidget({
            title: 'Hand-off duration (must stay well under 8 s)',
            left: [handOff.metricDuration({ statistic: 'p99' })],
          }),
          new GraphWidget({
            title: 'Timer queue',
            left: [timers.metricApproximateNumberOfMessagesVisible(), dlq.metricApproximateNumberOfMessagesVisible()],
          }),
          new GraphWidget({
            title: 'Longest wait (s) and Connect throttles',
            left: [routerMetric('LongestWaitSeconds', 'Maximum')],
            right: [routerMetric('ConnectThrottled', 'Sum')],
          }),
        ],
      ],
    });
    if (props.contactCenter) {
      const connect = new ConnectConfiguration(this, 'Connect', {
        instanceArn: props.instanceArn,
        contactCenter: props.contactCenter,
        handOffFunction: handOff,
        mirrorQueues: props.mirrorQueues,
        voicemailFunction: voicemail,
        callbackFunction: callbackRequest,
      });
      // Callbacks are dialed into the callback flow and parked in the holding queue (ids: the ARNs' last part).
      const idOf = (arn: string) => Fn.select(3, Fn.split('/', arn));
      for (const f of functions) {
        f.addEnvironment('CALLBACK_FLOW_ID', idOf(connect.callbackOutboundFlow.attrContactFlowArn));
        f.addEnvironment('HOLDING_QUEUE_ID', idOf(connect.holdingQueue.attrQueueArn));
      }
    }
    // The two wildcards as cdk-nag names them: literals where known, <AWS::...> / <LogicalId> where tokens.
    const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    acknowledgeFindings(functions, [
      `arn:<AWS::Partition>:scheduler:${shown(this.region, 'Region')}:${shown(this.account, 'AccountId')}:schedule/<${group.node.id}>/*`,
      `${props.instanceArn}/contact/*`,
    ]);
  }
}
