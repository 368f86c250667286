import { Aspects, type IAspect } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct, type IConstruct } from 'constructs';

/** Props of Paging. */
export interface PagingProps {
  /** An existing topic to page (your on-call tool's subscription): `-c alarmTopicArn=…`. @default a new topic */
  readonly topicArn?: string;
}

/** Adds the topic as the alarm and OK action of every alarm it visits. */
class PageOnEveryAlarm implements IAspect {
  constructor(private readonly action: SnsAction) {}
  visit(node: IConstruct): void {
    if (!(node instanceof Alarm)) return;
    node.addAlarmAction(this.action);
    node.addOkAction(this.action);
  }
}

/**
 * Who is paged (issue #33): one SNS topic is the action of every alarm in the stack, those of constructs added
 * later included (an aspect runs at synthesis), so no alarm fires into the void. Subscribe the on-call tool or an
 * email address to it; the README's runbook says what to do for each alarm.
 */
export class Paging extends Construct {
  readonly topic: ITopic;

  constructor(scope: Construct, id: string, props: PagingProps = {}) {
    super(scope, id);
    this.topic = props.topicArn
      ? Topic.fromTopicArn(this, 'Topic', props.topicArn)
      : new Topic(this, 'Topic', { displayName: 'unified-routing alarms', enforceSSL: true });
    Aspects.of(scope).add(new PageOnEveryAlarm(new SnsAction(this.topic)));
  }
}
