import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callbackOutboundFlow, callbackRequestFlow } from '../../lib/connect/callback-flows';
import { customerQueueFlow } from '../../lib/connect/customer-queue-flow';
import { flowFiles } from '../../lib/connect/flow-files';
import { type FlowDocument, SET_ROUTING_CRITERIA_ACTION } from '../../lib/connect/flow-language';
import { inboundFlow } from '../../lib/connect/inbound-flow';

const walk = (flow: FlowDocument, steps: number) => {
  const at = (id: string) => flow.Actions.find((a) => a.Identifier === id)!;
  const path = [at(flow.StartAction)];
  while (path.length < steps && path.at(-1)!.Transitions.NextAction)
    path.push(at(path.at(-1)!.Transitions.NextAction!));
  return path;
};

const at = (flow: FlowDocument, id: string) => flow.Actions.find((a) => a.Identifier === id)!;
const branches = (flow: FlowDocument, id: string) =>
  Object.fromEntries(at(flow, id).Transitions.Conditions!.map((c) => [c.Condition.Operands[0], c.NextAction]));

describe('the customer queue flow: hold, then a callback or a voicemail that keeps the place in line', () => {
  const flow = customerQueueFlow({
    offerAfterSeconds: 45,
    callback: { functionArn: 'arn:callback', routerQueue: 'callbacks' },
    voicemail: { functionArn: 'arn:voicemail', routerQueue: 'voicemail', maxSeconds: 150 },
  });

  it('loops the hold message and offers the choices after the configured wait, and again each time', () => {
    const hold = at(flow, flow.StartAction);
    expect(hold).toMatchObject({
      Type: 'MessageParticipantIteratively',
      Parameters: { InterruptFrequencySeconds: '45' },
    });
    expect(branches(flow, 'hold')).toEqual({ MessagesInterrupted: 'menu' });
    expect(at(flow, 'menu').Type).toBe('GetParticipantInput');
    expect(at(flow, 'menu').Parameters.Text).toMatch(/press 1 .*call you back.*press 2 to leave a message/);
    expect(branches(flow, 'menu')).toEqual({ '1': 'callback-store', '2': 'vm' });
    // No key, another key or an error: back to holding, never a dropped call.
    expect(new Set(at(flow, 'menu').Transitions.Errors!.map((e) => e.NextAction))).toEqual(new Set(['hold']));
  });

  it('1: books the callback through its Lambda for the callback queue, confirms, hangs up', () => {
    const path = walk({ ...flow, StartAction: 'callback-store' }, 3);
    expect(path.map((a) => a.Type)).toEqual(['InvokeLambdaFunction', 'MessageParticipant', 'DisconnectParticipant']);
    expect(path[0]!.Parameters).toMatchObject({
      LambdaFunctionARN: 'arn:callback',
      LambdaInvocationAttributes: { queue: 'callbacks' },
    });
    expect(path[0]!.Transitions.Errors![0]!.NextAction).toBe('menu-sorry');
  });

  it('2: stores the voicemail, records the caller and keeps the line open while they speak', () => {
    const path = walk({ ...flow, StartAction: 'vm' }, 5);
    expect(path.map((a) => a.Type)).toEqual([
      'InvokeLambdaFunction',
      'UpdateContactRecordingBehavior',
      'GetParticipantInput',
      'MessageParticipant',
      'DisconnectParticipant',
    ]);
    expect(path[0]!.Parameters).toMatchObject({ LambdaInvocationAttributes: { queue: 'voicemail' } });
    expect(path[2]!.Parameters).toMatchObject({ InputTimeLimitSeconds: '150' });
  });

  it('offers only what the center has: no callback Lambda, no "press 1"', () => {
    const only = customerQueueFlow({ voicemail: { functionArn: 'arn:voicemail', routerQueue: 'voicemail' } });
    expect(branches(only, 'menu')).toEqual({ '2': 'vm' });
    expect(at(only, 'menu').Parameters.Text).not.toMatch(/press 1/);
    expect(customerQueueFlow({}).Actions.map((a) => a.Type)).toEqual(['MessageParticipantIteratively']);
  });
});

describe('the inbound flow before parking: business hours and the customer queue flow', () => {
  const props = {
    holdingQueueArn: 'arn:holding',
    fallbackQueueArn: 'arn:fallback',
    handOffFunctionArn: 'arn:handoff',
    routerQueue: 'support-voice',
    hoursOfOperationArn: 'arn:hours',
    customerQueueFlowArn: 'arn:queue-flow',
  };

  it('out of hours goes to the voicemail (greeted as closed) when the center takes voicemail', () => {
    const flow = inboundFlow({ ...props, voicemail: { functionArn: 'arn:voicemail', routerQueue: 'voicemail' } });
    expect(at(flow, 'set-holding-queue').Transitions.NextAction).toBe('check-hours');
    expect(at(flow, 'check-hours').Parameters).toEqual({ HoursOfOperationId: 'arn:hours' });
    expect(branches(flow, 'check-hours')).toEqual({ True: 'park', False: 'voicemail-closed' });
    expect(at(flow, 'voicemail-closed').Transitions.NextAction).toBe('voicemail-recording');
  });

  it('out of hours without voicemail says the center is closed and hangs up', () => {
    const flow = inboundFlow(props);
    expect(branches(flow, 'check-hours')).toEqual({ True: 'park', False: 'closed' });
    expect(walk({ ...flow, StartAction: 'closed' }, 2).map((a) => a.Type)).toEqual([
      'MessageParticipant',
      'DisconnectParticipant',
    ]);
  });

  it('sets the customer queue flow after the hand-off, just before the transfer to the holding queue', () => {
    const flow = inboundFlow(props);
    expect(at(flow, 'hand-off').Transitions.NextAction).toBe('set-queue-flow');
    expect(at(flow, 'set-queue-flow')).toMatchObject({
      Type: 'UpdateContactEventHooks',
      Parameters: { EventHooks: { CustomerQueue: 'arn:queue-flow' } },
      Transitions: { NextAction: 'enqueue' },
    });
  });
});

describe('Connect flows of semantics §9', () => {
  it('offers voicemail when the queue is full: record the caller, store the item, keep the line open', () => {
    const flow = inboundFlow({
      holdingQueueArn: 'arn:holding',
      fallbackQueueArn: 'arn:fallback',
      handOffFunctionArn: 'arn:handoff',
      routerQueue: 'support-voice',
      voicemail: { functionArn: 'arn:voicemail', routerQueue: 'voicemail', maxSeconds: 90 },
    });
    const full = flow.Actions.find((a) => a.Identifier === 'enqueue')!.Transitions.Errors!.find(
      (e) => e.ErrorType === 'QueueAtCapacity',
    )!.NextAction;
    expect(full).toBe('voicemail');
    const branch = walk({ ...flow, StartAction: 'voicemail' }, 7).slice(1);
    expect(branch.map((a) => a.Type)).toEqual([
      'UpdateContactRecordingBehavior',
      'InvokeLambdaFunction',
      'GetParticipantInput',
      'MessageParticipant',
      'DisconnectParticipant',
    ]);
    expect(branch[0]!.Parameters).toEqual({
      RecordingBehavior: { RecordedParticipants: ['Customer'], IVRRecordingBehavior: 'Enabled' },
    });
    expect(branch[1]!.Parameters).toMatchObject({
      LambdaFunctionARN: 'arn:voicemail',
      LambdaInvocationAttributes: { queue: 'voicemail' },
    });
    expect(branch[2]!.Parameters).toMatchObject({ InputTimeLimitSeconds: '90' });
    // If the voicemail Lambda fails, the caller still hears the busy message rather than silence.
    expect(branch[1]!.Transitions.Errors![0]!.NextAction).toBe('queue-full');
  });

  it('the callback outbound flow parks the dialed customer, never routable by Connect itself', () => {
    const flow = callbackOutboundFlow({ holdingQueueArn: 'arn:holding' });
    expect(walk(flow, 3).map((a) => a.Type)).toEqual([
      'UpdateContactTargetQueue',
      SET_ROUTING_CRITERIA_ACTION,
      'TransferContactToQueue',
    ]);
    const park = flow.Actions.find((a) => a.Identifier === 'park')!.Parameters as {
      RoutingCriteria: { Steps: object[] };
    };
    expect(park.RoutingCriteria.Steps).toEqual([
      {
        Expression: {
          AttributeCondition: {
            Name: 'Routing',
            Value: 'True',
            ProficiencyLevel: 1,
            ComparisonOperator: 'NumberGreaterOrEqualTo',
          },
        },
      },
    ]);
  });

  it('the "call me back" flow books the callback through its Lambda, confirms and hangs up', () => {
    const flow = callbackRequestFlow({ callbackFunctionArn: 'arn:callback', routerQueue: 'callbacks' });
    expect(walk(flow, 3).map((a) => a.Type)).toEqual([
      'InvokeLambdaFunction',
      'MessageParticipant',
      'DisconnectParticipant',
    ]);
    expect(flow.Actions[0]!.Parameters).toMatchObject({ LambdaInvocationAttributes: { queue: 'callbacks' } });
  });

  it('ships every flow as an importable file, in step with the builders (npm run schemas)', () => {
    for (const [name, flow] of Object.entries(flowFiles)) {
      expect(JSON.parse(readFileSync(join(__dirname, '../../docs/flows', name), 'utf8'))).toEqual(flow);
    }
  });
});
