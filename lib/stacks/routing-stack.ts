import { Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Match, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import type { CallbackCallerId } from '../connect/caller-id';
import { ConnectConfiguration } from '../constructs/connect-configuration';
import { RouterAlarms } from '../constructs/router-alarms';
import { RouterApi } from '../constructs/router-api';
import { RouterFunctions } from '../constructs/router-functions';
import { RouterTimers } from '../constructs/router-timers';
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
  /** `adopt` an existing `Routing` predefined attribute instead of creating it (see ConnectConfiguration). */
  readonly routingAttribute?: 'create' | 'adopt';
  /** The number callbacks are dialed from: required when the center has a callback queue (see CallbackCallerId). */
  readonly callbackCallerId?: CallbackCallerId;
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
    new RouterApi(this, 'RouterApi', { handler: functions.get('HttpApiHandler') });
    new RouterAlarms(this, 'Alarms', {
      ...props,
      functions: functions.all,
      handOff: functions.get('HandOff'),
      timerQueue: timers.queue,
      timerDeadLetters: timers.deadLetters,
    });
    functions
      .get('Voicemail')
      .addEnvironment(
        'RECORDING_LOCATION_PREFIX',
        props.recordingLocationPrefix ?? 's3://<instance recordings bucket>/CallRecordings',
      );
    if (props.contactCenter) this.connect(props, props.contactCenter, functions);
    acknowledgeFindings(functions, timers);
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
    });
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
