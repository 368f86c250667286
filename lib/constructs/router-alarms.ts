import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { type ITable, Operation } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Props of RouterAlarms. */
export interface RouterAlarmsProps {
  /** Every router function: an alarm on its errors and a line on the dashboard. */
  readonly functions: readonly LambdaFunction[];
  /** The hand-off, whose duration must stay well under Connect's 8 s. */
  readonly handOff: LambdaFunction;
  /** The timer queue and its dead-letter queue. */
  readonly timerQueue: IQueue;
  readonly timerDeadLetters: IQueue;
  /** The outbox dispatcher: how far behind the table's stream it is (IteratorAge). */
  readonly dispatcher: LambdaFunction;
  /** Where asynchronous entry points send what they could not handle (its own alarm is in FailedInvocations). */
  readonly failedInvocations: IQueue;
  /** The routing table: throttling there slows every routing decision (and a transaction's index writes). */
  readonly table: ITable;
  /** Alarm when work has waited longer than this. @default 300 */
  readonly longestWaitAlarmSeconds?: number;
}

/** The router's own metrics (lambdas/shared/powertools.ts), one minute at a time. */
const routerMetric = (metricName: string, statistic: string) =>
  new Metric({
    namespace: 'UnifiedRouting',
    metricName,
    dimensionsMap: { service: 'unified-routing' },
    statistic,
    period: Duration.minutes(1),
  });

/** What an on-call engineer is paged for, and the dashboard they open. */
export class RouterAlarms extends Construct {
  constructor(scope: Construct, id: string, props: RouterAlarmsProps) {
    super(scope, id);
    for (const f of props.functions) {
      new Alarm(this, `${f.node.id}Errors`, {
        metric: f.metricErrors({ period: Duration.minutes(1) }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `routing errors in ${f.node.id}`,
      });
    }
    new Alarm(this, 'TimersDlqDepth', {
      metric: props.timerDeadLetters.metricApproximateNumberOfMessagesVisible(),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: 'router timers failed repeatedly',
    });
    new Alarm(this, 'ConnectThrottles', {
      metric: routerMetric('ConnectThrottled', 'Sum'),
      threshold: 5,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'UpdateContactRoutingData is being throttled: raise the Connect quota, or lower connectRoutingRate to ' +
        'what is left of it',
    });
    // Calls wait their turn under the shared rate; a line this long means voice offers outrun the quota.
    new Alarm(this, 'ConnectPacingWait', {
      metric: routerMetric('ConnectPacingWait', 'p99'),
      threshold: 10_000,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'voice offers wait over 10 s for Connect (p99): raise the quota and connectRoutingRate',
    });
    this.delivery(props);
    new Alarm(this, 'LongestWait', {
      metric: routerMetric('LongestWaitSeconds', 'Maximum'),
      threshold: props.longestWaitAlarmSeconds ?? 300,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'work has waited too long',
    });
    this.dashboard(props);
  }

  /** The outbox (ARCHITECTURE.md, "Delivery"): falling behind, failing, or setting entries aside. */
  private delivery(props: RouterAlarmsProps): void {
    new Alarm(this, 'OutboxIteratorAge', {
      metric: props.dispatcher.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
      threshold: 60_000,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'the outbox dispatcher is over a minute behind the table stream: routing effects are late',
    });
    // The dispatcher answers partial batch failures, so its Errors metric misses them: its own count does not.
    new Alarm(this, 'OutboxDispatchFailed', {
      metric: routerMetric('OutboxDispatchFailed', 'Sum'),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'outbox records were neither delivered nor set aside (DynamoDB failing?): retried in place',
    });
    new Alarm(this, 'OutboxSetAside', {
      metric: routerMetric('OutboxSetAside', 'Sum'),
      threshold: 1,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'a dependency of the outbox is failing: entries are set aside and redriven every minute',
    });
    new Alarm(this, 'TableThrottles', {
      metric: props.table.metricThrottledRequestsForOperations({
        operations: [
          Operation.GET_ITEM,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.QUERY,
          Operation.TRANSACT_WRITE_ITEMS,
        ],
        period: Duration.minutes(1),
      }),
      threshold: 1,
      evaluationPeriods: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'the routing table throttles requests: routing slows, and the outbox may set entries aside',
    });
    new Alarm(this, 'OutboxSetAsideRejected', {
      metric: routerMetric('OutboxSetAsideRejected', 'Sum'),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'outbox entries were refused or unreadable: they wait whole for a fix and npm run redrive',
    });
  }

  private dashboard(props: RouterAlarmsProps): void {
    new Dashboard(this, 'RouterDashboard', {
      widgets: [
        [
          new GraphWidget({ title: 'Invocations', left: props.functions.map((f) => f.metricInvocations()) }),
          new GraphWidget({ title: 'Errors', left: props.functions.map((f) => f.metricErrors()) }),
          new GraphWidget({
            title: 'Hand-off duration (must stay well under 8 s)',
            left: [props.handOff.metricDuration({ statistic: 'p99' })],
          }),
          new GraphWidget({
            title: 'Timer queue',
            left: [
              props.timerQueue.metricApproximateNumberOfMessagesVisible(),
              props.timerDeadLetters.metricApproximateNumberOfMessagesVisible(),
              props.failedInvocations.metricApproximateNumberOfMessagesVisible(),
            ],
          }),
          new GraphWidget({
            title: 'Routing: queued, offers, accepts, declines, timeouts; accept rate (%)',
            left: ['Queued', 'Offers', 'Accepts', 'Declines', 'OfferTimeouts'].map((m) => routerMetric(m, 'Sum')),
            right: [
              new MathExpression({
                expression: '100 * accepts / offers',
                usingMetrics: { accepts: routerMetric('Accepts', 'Sum'), offers: routerMetric('Offers', 'Sum') },
                label: 'accept rate',
              }),
            ],
          }),
          new GraphWidget({
            title: 'Outbox: dispatched, set aside, redriven; dispatch lag (ms)',
            left: ['OutboxDispatched', 'OutboxSetAside', 'RedriveDelivered', 'RedriveStillFailing'].map((m) =>
              routerMetric(m, 'Sum'),
            ),
            right: [props.dispatcher.metric('IteratorAge', { statistic: 'Maximum' })],
          }),
          new GraphWidget({
            title: 'Connect pacing wait (ms, p99), statuses restored, desktop pushes failed',
            left: [routerMetric('ConnectPacingWait', 'p99')],
            right: ['AgentStatusRestored', 'DesktopPushFailed'].map((m) => routerMetric(m, 'Sum')),
          }),
          new GraphWidget({
            title: 'Longest wait (s) and Connect throttles',
            left: [routerMetric('LongestWaitSeconds', 'Maximum')],
            right: [routerMetric('ConnectThrottled', 'Sum')],
          }),
        ],
      ],
    });
  }
}
