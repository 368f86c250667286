import { Duration, Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Props of RouterTimers. */
export interface RouterTimersProps {
  /** Deliveries of one timer before it is dead-lettered. @default 5 */
  readonly maxReceiveCount?: number;
}

/**
 * Where the router's timers wait: SQS delays up to 15 minutes, one-time EventBridge Scheduler schedules beyond
 * (delivered into the same queue), and a dead-letter queue for timers that keep failing.
 */
export class RouterTimers extends Construct {
  /** The queue every due timer lands in. */
  readonly queue: Queue;
  /** Timers that failed `maxReceiveCount` times. */
  readonly deadLetters: Queue;
  /** The schedule group that holds the router's one-time schedules. */
  readonly scheduleGroup: CfnScheduleGroup;
  /** What the router's functions need to schedule timers (see lambdas/shared/deps.ts). */
  readonly environment: Readonly<Record<string, string>>;
  private readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: RouterTimersProps = {}) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'Dlq', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    this.queue = new Queue(this, 'Queue', {
      // Six times the timer function's 30 s timeout, as Lambda's SQS guide advises (a batch may retry in place).
      visibilityTimeout: Duration.seconds(180),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    this.scheduleGroup = new CfnScheduleGroup(this, 'Schedules', {});
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Delivers due router timers to the timer queue',
    });
    this.queue.grantSendMessages(this.schedulerRole);
    this.environment = {
      TIMER_QUEUE_URL: this.queue.queueUrl,
      TIMER_QUEUE_ARN: this.queue.queueArn,
      SCHEDULE_GROUP: this.scheduleGroup.ref,
      SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
    };
  }

  /** The one-time schedules' ARNs: only inside this group (each schedule is named per timer). */
  get scheduleArns(): string {
    const stack = Stack.of(this);
    return `arn:${stack.partition}:scheduler:${stack.region}:${stack.account}:schedule/${this.scheduleGroup.ref}/*`;
  }

  /** Lets `grantee` start timers: send delayed messages, and create schedules that the scheduler role delivers. */
  grantScheduling(grantee: IGrantable): void {
    this.queue.grantSendMessages(grantee);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [this.scheduleArns] }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['iam:PassRole'], resources: [this.schedulerRole.roleArn] }),
    );
  }
}
