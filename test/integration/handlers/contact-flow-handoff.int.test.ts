import type { Context } from 'aws-lambda';
import { makeHandler } from '../../../lambdas/handlers/contact-flow-handoff';
import flowEvent from '../../fixtures/events/contact-flow-event.json';
import { smallCenter } from '../../fixtures/small-center';
import { type Harness, makeHarness } from '../../support/harness';

const context = {
  functionName: 'handoff',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:111111111111:function:handoff',
  memoryLimitInMB: '256',
  getRemainingTimeInMillis: () => 8000,
} as unknown as Context;
const withParameters = (parameters: Record<string, unknown>) => ({
  ...flowEvent,
  Details: { ...flowEvent.Details, Parameters: parameters },
});

describe('contact-flow hand-off handler (semantics §8)', () => {
  let h: Harness;
  // Raw events are unknown until the parser middleware has validated them.
  let handler: (event: unknown, ctx: Context) => Promise<{ itemId: string; status: string }>;
  beforeEach(async () => {
    h = await makeHarness(smallCenter());
    const wrapped = makeHandler(() => h.router);
    handler = (event, ctx) => wrapped(event as never, ctx);
  });

  it('turns the parked call into a voice work item, routes it, and answers a flat string map', async () => {
    await h.router.logIn({ repId: 'rep-b' });
    const answer = await handler(flowEvent, context);
    expect(answer).toEqual({ itemId: expect.any(String), status: 'offered' });
    expect(Object.values(answer).every((v) => typeof v === 'string')).toBe(true);
    expect(await h.item(answer.itemId)).toMatchObject({
      channel: 'voice',
      source: '4a573372-1f28-4e26-b97b-000000000042',
      queueId: 'voice-q',
      state: 'Offered',
      attributes: { customerTier: 'gold' },
      reservation: { repId: 'rep-b' },
      target: {
        kind: 'skills',
        requirements: [
          { skill: 'english', minLevel: 5 },
          { skill: 'spanish', minLevel: 3, additional: true, dropAfterSeconds: 30 },
        ],
      },
    });
  });

  it('takes routing inputs from contact attributes when the block gives no parameters', async () => {
    await h.router.logIn({ repId: 'rep-a' });
    const event = {
      ...flowEvent,
      Details: {
        ContactData: {
          ...flowEvent.Details.ContactData,
          Attributes: { routerQueue: 'voice-q', routerPreferredRep: 'rep-a', routerPriority: '2' },
        },
        Parameters: {},
      },
    };
    const answer = await handler(event, context);
    expect(await h.item(answer.itemId)).toMatchObject({
      queueId: 'voice-q',
      priority: 2,
      target: { kind: 'rep', repId: 'rep-a' },
    });
  });

  it("is idempotent per ContactId: Connect's retry gets the same item", async () => {
    const first = await handler(flowEvent, context);
    const retry = await handler(flowEvent, context);
    expect(retry).toEqual({ itemId: first.itemId, status: 'duplicate' });
    expect((await h.snapshot()).items).toHaveLength(1);
  });

  it.each([
    ['a missing router queue', { skills: 'english:5' }, 'Details.Parameters.queue: Invalid input'],
    ['an unknown router queue', { queue: 'nope' }, "queue: unknown queue 'nope'"],
    [
      'malformed skills',
      { queue: 'voice-q', skills: 'english=5' },
      'Details.Parameters.skills: must look like english:5,billing:6~120',
    ],
    [
      'a non-numeric priority',
      { queue: 'voice-q', priority: 'high' },
      'Details.Parameters.priority: must be a whole number',
    ],
  ])(
    'rejects %s with a clear error and stores nothing (the flow takes its Error branch)',
    async (_name, parameters, message) => {
      await expect(handler(withParameters(parameters), context)).rejects.toThrow(message);
      expect((await h.snapshot()).items).toHaveLength(0);
    },
  );

  it('rejects a non-voice contact', async () => {
    const chat = {
      ...flowEvent,
      Details: { ...flowEvent.Details, ContactData: { ...flowEvent.Details.ContactData, Channel: 'CHAT' } },
    };
    await expect(handler(chat, context)).rejects.toThrow();
    expect((await h.snapshot()).items).toHaveLength(0);
  });
});
