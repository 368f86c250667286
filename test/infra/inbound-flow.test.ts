import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowFiles } from '../../lib/connect/flow-files';
import { FlowBuilder, MAX_INPUT_SECONDS, SET_ROUTING_CRITERIA_ACTION } from '../../lib/connect/flow-language';
import { inboundFlow } from '../../lib/connect/inbound-flow';

const flow = inboundFlow({
  holdingQueueArn: 'arn:holding',
  fallbackQueueArn: 'arn:fallback',
  handOffFunctionArn: 'arn:lambda',
  routerQueue: 'support-voice',
});
const action = (id: string) => flow.Actions.find((a) => a.Identifier === id)!;
const follow = (id: string) => action(id).Transitions.NextAction;

describe('inbound contact flow (semantics §8)', () => {
  it('sets the holding queue, parks the call, hands it to the router, then transfers it to the queue', () => {
    const path = [flow.StartAction];
    while (path.length < 4) path.push(follow(path.at(-1)!)!);
    expect(path.map((id) => action(id).Type)).toEqual([
      'UpdateContactTargetQueue',
      SET_ROUTING_CRITERIA_ACTION,
      'InvokeLambdaFunction',
      'TransferContactToQueue',
    ]);
    expect(action('set-holding-queue').Parameters).toEqual({ QueueId: 'arn:holding' });
    // Routing = True with no expiry: no agent matches, so Connect never routes the call on its own.
    expect(action('park').Parameters).toEqual({
      RoutingCriteria: {
        Steps: [
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
        ],
      },
    });
    expect(action('hand-off').Parameters).toEqual({
      LambdaFunctionARN: 'arn:lambda',
      InvocationTimeLimitSeconds: '8',
      InvocationType: 'SYNCHRONOUS',
      ResponseValidation: { ResponseType: 'STRING_MAP' },
      LambdaInvocationAttributes: { queue: 'support-voice' },
    });
  });

  it('on a router error, tells the caller and releases the call to any agent of the fallback queue', () => {
    const onError = action('hand-off').Transitions.Errors![0]!.NextAction;
    expect(action(onError).Type).toBe('MessageParticipant');
    expect(action(follow(onError)!).Parameters).toEqual({ QueueId: 'arn:fallback' });
    const release = action('release-to-any-agent').Parameters as { RoutingCriteria: { Steps: { Expiry?: unknown }[] } };
    expect(release.RoutingCriteria.Steps).toEqual([expect.objectContaining({ Expiry: { DurationInSeconds: '1' } })]);
  });

  it('when the queue is full, plays a clear prompt and hangs up', () => {
    const full = action('enqueue').Transitions.Errors!.find((e) => e.ErrorType === 'QueueAtCapacity')!.NextAction;
    expect(action(full)).toMatchObject({
      Type: 'MessageParticipant',
      Parameters: { Text: expect.stringContaining('busy') },
    });
    expect(action(follow(full)!).Type).toBe('DisconnectParticipant');
  });

  it('leaves hooks for the voicemail and callback branches', () => {
    const hooked = new FlowBuilder().disconnect('voicemail');
    expect(() => hooked.build('voicemail')).not.toThrow();
    const withHooks = inboundFlow({
      holdingQueueArn: 'q',
      fallbackQueueArn: 'f',
      handOffFunctionArn: 'l',
      routerQueue: 'r',
      hooks: { onQueueFull: 'goodbye' },
    });
    expect(withHooks.Actions.find((a) => a.Identifier === 'enqueue')!.Transitions.Errors![0]).toEqual({
      NextAction: 'goodbye',
      ErrorType: 'QueueAtCapacity',
    });
  });

  it('the builder refuses transitions to unknown actions and bad identifiers', () => {
    expect(() => new FlowBuilder().playPrompt('a', 'hi', 'nowhere').build('a')).toThrow(
      "flow transition to unknown action 'nowhere'",
    );
    expect(() => new FlowBuilder().disconnect('a:b')).toThrow("flow action identifier 'a:b' is not allowed");
    expect(() => new FlowBuilder().invokeLambda('x', 'arn', { timeoutSeconds: 9 }, 'x', 'x')).toThrow(
      'InvocationTimeLimitSeconds must be 1 to 8',
    );
  });

  it('ships the flow as an importable JSON file, in step with the builder (npm run schemas)', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../docs/flows/inbound-flow.json'), 'utf8'));
    expect(file).toEqual(flowFiles['inbound-flow.json']);
    expect(file.Version).toBe('2019-10-30');
  });
});

describe('flow language limits', () => {
  it.each([0, 180, 12.5])(
    'refuses a voicemail that waits %s s for a key (GetParticipantInput waits 1 to 179 s)',
    (s) => {
      expect(() => new FlowBuilder().waitForKey('record', 'leave a message', s, 'next')).toThrow(/1 to 179 seconds/);
    },
  );

  it('accepts the documented maximum', () => {
    expect(() => new FlowBuilder().waitForKey('record', 'leave a message', MAX_INPUT_SECONDS, 'next')).not.toThrow();
  });
});
