import { createHash } from 'node:crypto';
import { ConflictException, CreateScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Clock, TimerPort } from '../../domain/ports';
import type { Timer } from '../../domain/routing/events';

/** SQS delays messages by at most 15 minutes; later timers go to EventBridge Scheduler. */
export const MAX_SQS_DELAY_SECONDS = 900;

export interface AwsTimersConfig {
  readonly queueUrl: string;
  /** The same queue's ARN: one-time schedules deliver the timer to it when due. */
  readonly queueArn: string;
  readonly scheduleGroup: string;
  /** Role the scheduler assumes to send to the queue. */
  readonly schedulerRoleArn: string;
}

/** A stable name per timer, so scheduling the same timer twice creates one schedule. */
export function scheduleName(t: Timer): string {
  return `${t.kind}-${createHash('sha256').update(`${t.itemId}|${t.guard}|${t.dueAt}`).digest('hex').slice(0, 40)}`;
}

const atExpression = (ms: number) => `at(${new Date(ms).toISOString().slice(0, 19)})`;

/**
 * The router's timers on AWS. Every timer ends up as a message on the timer queue; its handler calls
 * `Router.fireTimer`, which treats a stale, early or repeated timer safely (guards, rescheduling).
 */
export class AwsTimers implements TimerPort {
  constructor(
    private readonly sqs: SQSClient,
    private readonly scheduler: SchedulerClient,
    private readonly config: AwsTimersConfig,
    private readonly clock: Clock,
  ) {}

  async schedule(timers: readonly Timer[]): Promise<void> {
    const now = this.clock.now();
    const soon = timers.filter((t) => t.dueAt - now <= MAX_SQS_DELAY_SECONDS * 1000);
    for (let i = 0; i < soon.length; i += 10) {
      const batch = soon.slice(i, i + 10);
      const out = await this.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: this.config.queueUrl,
          Entries: batch.map((t, j) => ({
            Id: String(j),
            MessageBody: JSON.stringify(t),
            // Rounded up: a timer must never fire before it is due (an early one would only be rescheduled).
            DelaySeconds: Math.max(0, Math.ceil((t.dueAt - now) / 1000)),
          })),
        }),
      );
      if (out.Failed?.length)
        throw new Error(
          `SendMessageBatch: ${out.Failed.length} timers not queued (${out.Failed.map((f) => f.Code).join(', ')})`,
        );
    }
    for (const t of timers.filter((x) => !soon.includes(x))) await this.createSchedule(t);
  }

  private async createSchedule(t: Timer): Promise<void> {
    try {
      await this.scheduler.send(
        new CreateScheduleCommand({
          Name: scheduleName(t),
          GroupName: this.config.scheduleGroup,
          ScheduleExpression: atExpression(t.dueAt),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: { Arn: this.config.queueArn, RoleArn: this.config.schedulerRoleArn, Input: JSON.stringify(t) },
        }),
      );
    } catch (err) {
      // The same timer was scheduled before (a retried call): one schedule is enough.
      if (!(err instanceof ConflictException)) throw err;
    }
  }
}
