import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { AwsTimers } from '../adapters/timers/aws-timers';
import type { Clock, TimerPort } from '../domain/ports';
import { requireEnv } from './env';
import { tracer } from './powertools';
/**
 * Timers (TIMER_QUEUE_URL, TIMER_QUEUE_ARN, SCHEDULE_GROUP, SCHEDULER_ROLE_ARN): for the dispatcher, and for the
 * timer function, which arms the next step of a timer that fires early.
 */
export function timersFromEnvironment(clock: Clock): TimerPort {
  return new AwsTimers(
    tracer.captureAWSv3Client(new SQSClient({})),
    tracer.captureAWSv3Client(new SchedulerClient({})),
    {
      queueUrl: requireEnv('TIMER_QUEUE_URL'),
      queueArn: requireEnv('TIMER_QUEUE_ARN'),
      scheduleGroup: requireEnv('SCHEDULE_GROUP'),
      schedulerRoleArn: requireEnv('SCHEDULER_ROLE_ARN'),
    },
    clock,
  );
}
