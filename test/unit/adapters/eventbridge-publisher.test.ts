import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { EventBridgePublisher } from '../../../lambdas/adapters/eventbridge/publisher';
import type { RoutingEvent } from '../../../lambdas/domain/routing/events';
import { T0 } from '../../support/harness-time';

const eventbridge = mockClient(EventBridgeClient);
const queued = (n: number): RoutingEvent => ({
  type: 'work.queued',
  at: T0 + n,
  itemId: `work-${n}`,
  itemVersion: 1,
  channel: 'chat',
  queueId: 'chat-q',
  source: `s${n}`,
  reason: 'submitted',
});
const publisher = () =>
  new EventBridgePublisher(new EventBridgeClient({ region: 'us-east-1' }), 'routing-bus', { sleep: async () => {} });

beforeEach(() => eventbridge.reset());

describe('EventBridgePublisher', () => {
  it('sends batches of at most 10 entries with the catalogue shape', async () => {
    eventbridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await publisher().publish(Array.from({ length: 23 }, (_, i) => queued(i)));
    expect(eventbridge).toHaveReceivedCommandTimes(PutEventsCommand, 3);
    expect(eventbridge.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries!.length)).toEqual([10, 10, 3]);
    expect(eventbridge.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]).toEqual({
      EventBusName: 'routing-bus',
      Source: 'unified-routing',
      DetailType: 'work.queued',
      Time: new Date(T0),
      Detail: JSON.stringify({
        type: 'work.queued',
        at: T0,
        itemId: 'work-0',
        itemVersion: 1,
        channel: 'chat',
        queueId: 'chat-q',
        source: 's0',
        reason: 'submitted',
        schemaVersion: 1,
      }),
    });
  });

  it('retries only the entries that failed', async () => {
    eventbridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ EventId: 'a' }, { ErrorCode: 'ThrottlingException' }, { EventId: 'c' }],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    await publisher().publish([queued(1), queued(2), queued(3)]);
    const calls = eventbridge.commandCalls(PutEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.Entries!.map((e) => JSON.parse(e.Detail!).itemId)).toEqual(['work-2']);
  });

  it('fails loudly when entries keep failing, so the caller is retried', async () => {
    eventbridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure' }] });
    await expect(publisher().publish([queued(1)])).rejects.toThrow(
      'PutEvents: 1 of 1 events still failing after 5 attempts (InternalFailure)',
    );
    expect(eventbridge).toHaveReceivedCommandTimes(PutEventsCommand, 5);
  });

  it('refuses an event that breaks its published schema', async () => {
    const broken = { ...queued(1), reason: 'because' } as unknown as RoutingEvent;
    await expect(publisher().publish([broken])).rejects.toThrow();
    expect(eventbridge).toHaveReceivedCommandTimes(PutEventsCommand, 0);
  });
});
