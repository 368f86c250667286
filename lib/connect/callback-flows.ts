import { FlowBuilder, type FlowDocument } from './flow-language';
import { PARKING } from './inbound-flow';

/**
 * The flow a callback's outbound call runs (StartOutboundVoiceContact's ContactFlowId, semantics §9): the answered
 * call is parked in the holding queue like an inbound one, and the router targets the rep who accepted it.
 */
export function callbackOutboundFlow(props: { readonly holdingQueueArn: string }): FlowDocument {
  return new FlowBuilder()
    .setWorkingQueue('set-holding-queue', props.holdingQueueArn, 'park', 'goodbye')
    .setRoutingCriteria(
      'park',
      [{ name: PARKING.name, value: PARKING.value, proficiencyLevel: 1 }],
      'enqueue',
      'goodbye',
    )
    .transferToQueue('enqueue', 'goodbye', 'goodbye')
    .disconnect('goodbye')
    .build('set-holding-queue');
}

/**
 * "Call me back" (semantics §9): a flow an IVR menu or a rep can send a caller to. It stores the request through the
 * callback Lambda (to the caller's number, as soon as a rep is free; an IVR can pass a time instead) and hangs up.
 */
export function callbackRequestFlow(props: {
  readonly callbackFunctionArn: string;
  readonly routerQueue: string;
}): FlowDocument {
  return new FlowBuilder()
    .invokeLambda(
      'request-callback',
      props.callbackFunctionArn,
      { timeoutSeconds: 8, attributes: { queue: props.routerQueue } },
      'confirm',
      'sorry',
    )
    .playPrompt('confirm', 'Thank you. We will call you back as soon as someone is free. Goodbye.', 'goodbye')
    .playPrompt('sorry', 'We are sorry, we could not book your callback. Please call again later. Goodbye.', 'goodbye')
    .disconnect('goodbye')
    .build('request-callback');
}
