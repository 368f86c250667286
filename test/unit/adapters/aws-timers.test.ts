import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ManualClock } from '../../../lambdas/adapters/local/in-process';
import { AwsTimers, scheduleName } from '../../../lambdas/adapters/timers/aws-timers';
import type { Timer } from '../../../lambdas/domain/routing/events';
import { T0 } from '../../support/harness-time';

const sqs = mockClient(SQSClient);
const scheduler = mockClient(SchedulerClient);
const config = {
  queueUrl: 'https://sqs.eu-west-2.amazonaws.com/111111111111/router-timers',
  queueArn: 'arn:aws:sqs:eu-west-2:111111111111:router-timers',
  scheduleGroup: 'router-timers',
  schedulerRoleArn: 'arn:aws:iam::111111111111:role/router-scheduler',
};
const timers = () =>
  new AwsTimers(
    new SQSClient({ region: 'eu-west-2' }),
    new SchedulerClient({ region: 'eu-west-2' }),
    config,
    new ManualClock(T0),
  );
const timer = (kind: Timer['kind'], inMs: number): Timer => ({
  kind,
  itemId: 'work-1',
  dueAt: T0 + inMs,
  guard: 'offer-1',
});

beforeEach(() => {
  sqs.reset();
  scheduler.reset();
  sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
});

describe('AwsTimers', () => {
  it('queues timers up to 15 minutes away as delayed SQS messages, never early', async () => {
    await timers().schedule([timer('pushTimeout', 20_000), timer('wrapUpEnd', 1_500), timer('overflow', 900_000)]);
    expect(sqs).toHaveReceivedCommandWith(SendMessageBatchCommand, {
      QueueUrl: config.queueUrl,
      Entries: [
        { Id: '0', MessageBody: JSON.stringify(timer('pushTimeout', 20_000)), DelaySeconds: 20 },
        { Id: '1', MessageBody: JSON.stringify(timer('wrapUpEnd', 1_500)), DelaySeconds: 2 },
        { Id: '2', MessageBody: JSON.stringify(timer('overflow', 900_000)), DelaySeconds: 900 },
      ],
    });
    expect(scheduler).toHaveReceivedCommandTimes(CreateScheduleCommand, 0);
  });

  it('sends batches of at most 10 messages', async () => {
    await timers().schedule(Array.from({ length: 12 }, (_, i) => ({ ...timer('pushTimeout', 1000), itemId: `w${i}` })));
    expect(sqs.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries!.length)).toEqual([10, 2]);
  });

  it('uses a one-time EventBridge schedule for later timers, delivering to the same queue', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    const later = timer('fallback', 3_600_000);
    await timers().schedule([later]);
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Name: scheduleName(later),
      GroupName: 'router-timers',
      ScheduleExpression: 'at(2026-11-25T10:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: config.queueArn, RoleArn: config.schedulerRoleArn, Input: JSON.stringify(later) },
    });
    expect(sqs).toHaveReceivedCommandTimes(SendMessageBatchCommand, 0);
  });

  it('scheduling the same timer twice is harmless', async () => {
    scheduler
      .on(CreateScheduleCommand)
      .rejects(new ConflictException({ Message: 'exists', message: 'exists', $metadata: {} }));
    await expect(timers().schedule([timer('overflow', 3_600_000)])).resolves.toBeUndefined();
  });

  it('fails when SQS did not take a timer, so the caller is retried', async () => {
    sqs
      .on(SendMessageBatchCommand)
      .resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    await expect(timers().schedule([timer('pushTimeout', 20_000)])).rejects.toThrow(
      'SendMessageBatch: 1 timers not queued (InternalError)',
    );
  });
});
