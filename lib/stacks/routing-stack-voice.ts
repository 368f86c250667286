import { Fn, type Stack } from 'aws-cdk-lib';
import { Match, Rule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import { AgentPlacement } from '../constructs/agent-placement';
import { ConnectConfiguration } from '../constructs/connect-configuration';
import type { FailedInvocations } from '../constructs/failed-invocations';
import type { RouterFunctions } from '../constructs/router-functions';
import { acknowledgePlacementFindings } from '../nag-acknowledgements';
import type { RoutingStackProps } from './routing-stack-props';

/** Voicemails wait for their recording: the recordings bucket's Object Created events for call recordings. */
export function wireRecordings(
  stack: Stack,
  props: RoutingStackProps,
  functions: RouterFunctions,
  failed: FailedInvocations,
): void {
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
  new Rule(stack, 'RecordingCreated', {
    description: 'A call recording was written: a voicemail waiting for it is queued with its location',
    eventPattern: {
      source: ['aws.s3'],
      detailType: ['Object Created'],
      detail: { bucket: { name: [recordings.bucketName] }, object: { key: Match.prefix(`${prefix}/`) } },
    },
    targets: [failed.target(functions.get('RecordingArrived'))],
  });
  // The functions that report a voicemail missing (its deadline timer, or the sweeper) search the prefix first.
  for (const f of [functions.get('TimerHandler'), functions.get('Sweeper')]) {
    f.addEnvironment('RECORDINGS_BUCKET', recordings.bucketName);
    f.addEnvironment('RECORDINGS_PREFIX', prefix);
    f.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [`arn:${stack.partition}:s3:::${recordings.bucketName}`],
        conditions: { StringLike: { 's3:prefix': [`${prefix}/*`] } },
      }),
    );
  }
}

export function wireConnect(
  stack: Stack,
  props: RoutingStackProps,
  contactCenter: ContactCenterConfig,
  functions: RouterFunctions,
): void {
  const connect = new ConnectConfiguration(stack, 'Connect', {
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
    const placement = new AgentPlacement(stack, 'AgentPlacement', {
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
