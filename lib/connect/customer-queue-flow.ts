import { BranchingFlowBuilder } from './flow-branching';
import type { FlowDocument } from './flow-language';
import { MAX_INPUT_SECONDS } from './flow-language';

/** A flow Lambda and the router queue it stores work in. */
export interface FlowLambda {
  readonly functionArn: string;
  readonly routerQueue: string;
}

export interface CustomerQueueFlowProps {
  /** Seconds of hold music before the caller is first offered the choices, and between offers. @default 60 */
  readonly offerAfterSeconds?: number;
  /** "Press 1 for a callback": the callback-request Lambda and the callback queue. @default not offered */
  readonly callback?: FlowLambda;
  /** "Press 2 to leave a message": the voicemail Lambda and the voicemail queue. @default not offered */
  readonly voicemail?: FlowLambda & { readonly maxSeconds?: number };
}

/** What the menu says, for the choices this center offers. */
function menuText(props: CustomerQueueFlowProps): string {
  const choices = [
    ...(props.callback ? ['press 1 and we will call you back without losing your place in line'] : []),
    ...(props.voicemail ? ['press 2 to leave a message'] : []),
  ];
  return `Thank you for waiting. To keep holding, stay on the line. Or ${choices.join(', or ')}.`;
}

/**
 * The holding queue's customer queue flow (semantics §9), as Omni's unified routing offers it: hold music, then
 * after `offerAfterSeconds` (and again every as long) "press 1 for a callback, 2 to leave a voicemail". Either
 * choice ends the waiting call's item in the router, which keeps the caller's place in line for the new item.
 */
export function customerQueueFlow(props: CustomerQueueFlowProps): FlowDocument {
  const flow = new BranchingFlowBuilder();
  const hold = 'Thank you for calling. All our representatives are busy. Please stay on the line.';
  flow.loopPrompts('hold', hold, props.offerAfterSeconds ?? 60, props.callback || props.voicemail ? 'menu' : 'hold');
  if (!props.callback && !props.voicemail) return flow.build('hold');
  const keys = { ...(props.callback ? { '1': 'callback-store' } : {}), ...(props.voicemail ? { '2': 'vm' } : {}) };
  flow
    .menu('menu', menuText(props), 5, keys, 'hold')
    .playPrompt('menu-sorry', 'We are sorry, that did not work. Please stay on the line.', 'hold');
  if (props.callback) {
    const { functionArn, routerQueue } = props.callback;
    flow
      .invokeLambda(
        'callback-store',
        functionArn,
        { timeoutSeconds: 8, attributes: { queue: routerQueue } },
        'cb-ok',
        'menu-sorry',
      )
      .playPrompt('cb-ok', 'Thank you. We will call you back, in your place in line. Goodbye.', 'goodbye');
  }
  if (props.voicemail) {
    const { functionArn, routerQueue, maxSeconds } = props.voicemail;
    flow
      .invokeLambda(
        'vm',
        functionArn,
        { timeoutSeconds: 8, attributes: { queue: routerQueue } },
        'vm-rec',
        'menu-sorry',
      )
      .setRecordingBehavior('vm-rec', ['Customer'], true, 'vm-speak')
      .waitForKey(
        'vm-speak',
        'Please leave your message after the tone, then hang up.',
        maxSeconds ?? MAX_INPUT_SECONDS,
        'vm-ok',
      )
      .playPrompt('vm-ok', 'Thank you. Your message has been passed on. Goodbye.', 'goodbye');
  }
  return flow.disconnect('goodbye').build('hold');
}
