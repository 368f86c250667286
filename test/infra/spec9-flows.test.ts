import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callbackOutboundFlow, callbackRequestFlow } from '../../lib/connect/callback-flows';
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
    const branch = walk({ ...flow, StartAction: 'voicemail' }, 6);
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
