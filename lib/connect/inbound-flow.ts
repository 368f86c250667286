import { BranchingFlowBuilder } from './flow-branching';
import type { FlowDocument } from './flow-language';

/** The predefined attribute and value no agent has: calls wait "parked" until the router targets a rep. */
export const PARKING = { name: 'Routing', value: 'True' } as const;

export interface InboundFlowProps {
  /** The holding queue (in every routing profile, default outbound queue of every group). */
  readonly holdingQueueArn: string;
  /** The router's hand-off Lambda. */
  readonly handOffFunctionArn: string;
  /** Where calls go when the router cannot be reached: Connect routes them natively to any agent there. */
  readonly fallbackQueueArn: string;
  /** The router queue id the hand-off puts the call in (a block parameter). */
  readonly routerQueue: string;
  /** Where the flow goes when the holding queue is full, or the router cannot be reached. Default: the goodbye. */
  readonly hooks?: { readonly onQueueFull?: string; readonly onRouterUnavailable?: string };
  /**
   * The voicemail branch (semantics §9): when the queue is full, the caller may leave a message. The Lambda stores a
   * `voicemail` work item for `routerQueue` with the recording's location. @default no voicemail branch
   */
  readonly voicemail?: { readonly functionArn: string; readonly routerQueue: string; readonly maxSeconds?: number };
  /**
   * The center's business hours (an hours-of-operation ARN): out of them the caller may leave a voicemail, or hears
   * that the center is closed. @default no hours check (the holding queue is open all day, every day)
   */
  readonly hoursOfOperationArn?: string;
  /** What the caller hears while parked: the customer queue flow with the callback and voicemail choices. */
  readonly customerQueueFlowArn?: string;
}

/**
 * The caller leaves a message: greeted for why (queue full, or closed), recorded, the voicemail stored (it waits
 * for its recording), the line kept open while they speak, thanked.
 */
function addVoicemailBranch(flow: BranchingFlowBuilder, v: NonNullable<InboundFlowProps['voicemail']>): void {
  flow
    .playPrompt('voicemail', 'All our lines are busy.', 'voicemail-recording')
    .playPrompt('voicemail-closed', 'We are closed right now.', 'voicemail-recording')
    .setRecordingBehavior('voicemail-recording', ['Customer'], true, 'voicemail-store')
    .invokeLambda(
      'voicemail-store',
      v.functionArn,
      { timeoutSeconds: 8, attributes: { queue: v.routerQueue } },
      'voicemail-record',
      'queue-full',
    )
    .waitForKey(
      'voicemail-record',
      'Please leave your message after the tone, then hang up or press any key.',
      v.maxSeconds ?? 120,
      'voicemail-thanks',
    )
    .playPrompt('voicemail-thanks', 'Thank you. Your message has been passed on. Goodbye.', 'goodbye');
}

/** Out of hours: a voicemail when the center takes them, else the closed message. */
function addHoursCheck(flow: BranchingFlowBuilder, props: InboundFlowProps): string {
  if (!props.hoursOfOperationArn) return 'park';
  const closed = props.voicemail ? 'voicemail-closed' : 'closed';
  flow.checkHours('check-hours', props.hoursOfOperationArn, 'park', closed);
  if (!props.voicemail)
    flow.playPrompt(
      'closed',
      'We are closed right now. Please call again during our opening hours. Goodbye.',
      'goodbye',
    );
  return 'check-hours';
}

/**
 * Spec §8: Set working queue (holding) → Set routing criteria (Routing = True, no expiry) → Invoke Lambda
 * (hand-off) → Transfer to queue. If the router cannot be reached, the caller hears why and the call goes
 * to the fallback queue with a single parking step that expires after 1 s: once every step has expired,
 * Connect offers the call to any agent there (reference §0.3), so a router outage does not drop calls.
 */
export function inboundFlow(props: InboundFlowProps): FlowDocument {
  const flow = new BranchingFlowBuilder();
  if (props.voicemail) addVoicemailBranch(flow, props.voicemail);
  const afterHolding = addHoursCheck(flow, props);
  const onQueueFull = props.hooks?.onQueueFull ?? (props.voicemail ? 'voicemail' : 'queue-full');
  const enqueue = props.customerQueueFlowArn ? 'set-queue-flow' : 'enqueue';
  if (props.customerQueueFlowArn) flow.setCustomerQueueFlow('set-queue-flow', props.customerQueueFlowArn, 'enqueue');
  return flow
    .setWorkingQueue('set-holding-queue', props.holdingQueueArn, afterHolding, 'error-prompt')
    .setRoutingCriteria(
      'park',
      [{ name: PARKING.name, value: PARKING.value, proficiencyLevel: 1 }],
      'hand-off',
      'error-prompt',
    )
    .invokeLambda(
      'hand-off',
      props.handOffFunctionArn,
      { timeoutSeconds: 8, attributes: { queue: props.routerQueue } },
      enqueue,
      props.hooks?.onRouterUnavailable ?? 'router-unavailable',
    )
    .transferToQueue('enqueue', onQueueFull, 'error-prompt')
    .playPrompt(
      'router-unavailable',
      'Thank you for calling. Please hold while we connect you to the next available person.',
      'set-fallback-queue',
    )
    .setWorkingQueue('set-fallback-queue', props.fallbackQueueArn, 'release-to-any-agent', 'error-prompt')
    .setRoutingCriteria(
      'release-to-any-agent',
      [{ name: PARKING.name, value: PARKING.value, proficiencyLevel: 1, expirySeconds: 1 }],
      'enqueue-fallback',
      'error-prompt',
    )
    .transferToQueue('enqueue-fallback', 'queue-full', 'error-prompt')
    .playPrompt('queue-full', 'All our lines are busy right now. Please call again later. Goodbye.', 'goodbye')
    .playPrompt('error-prompt', 'We are sorry, something went wrong. Please call again later. Goodbye.', 'goodbye')
    .disconnect('goodbye')
    .build('set-holding-queue');
}
