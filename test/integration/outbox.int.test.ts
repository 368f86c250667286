import { ConnectClient, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import { EventBridgeClient, PutEventsCommand, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { EventBridgePublisher } from '../../lambdas/adapters/eventbridge/publisher';
import { entriesOf, LocalStreamReader } from '../../lambdas/adapters/local/stream-reader';
import type { DispatchedEvent } from '../../lambdas/domain/routing/outbox';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler } from '../../lambdas/handlers/outbox-dispatch';
import { smallCenter } from '../fixtures/small-center';
import { endpoint, makeHarness } from '../support/harness';
import { lambdaContext } from '../support/lambda-context';

const connect = mockClient(ConnectClient);
const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const published = (events: readonly unknown[]) => events as DispatchedEvent[];

beforeEach(() => {
  connect.reset();
  connect.on(UpdateContactRoutingDataCommand).resolves({});
});

describe('outbox delivery (issue #13): what a commit causes is delivered from the table stream', () => {
  it('publishes, schedules and calls Connect only from the stream, once per entry, with stable event ids', async () => {
    const base = smallCenter();
    const h = await makeHarness(
      { ...base, reps: base.reps!.map((r) => ({ ...r, connectUserId: `user-${r.id}` })) },
      { delivery: 'outbox' },
    );
    const telephony = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE, {
      sleep: async () => {},
    });
    const router = new Router({ ...h.deps, telephony });
    await router.logIn({ repId: 'rep-a' });
    const { decision } = await router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' });
    // Committed, and nothing has left the router yet: a crash here would lose nothing.
    expect(h.events.events).toHaveLength(0);
    expect(h.timers.size).toBe(0);
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 0);

    const reader = new LocalStreamReader(localClientConfig(endpoint()), h.table);
    const entries = entriesOf(await reader.read());
    for (const entry of entries) await router.dispatch(entry);
    const events = published(h.events.events);
    expect(events.map((e) => e.type)).toEqual(['rep.presenceChanged', 'work.queued', 'offer.created']);
    expect(events.map((e) => e.eventId)).toEqual([
      'rep#rep-a@1#0',
      // Created already offered: one write, version 2 (created, offered), two events.
      `item#${decision.itemId}@2#0`,
      `item#${decision.itemId}@2#1`,
    ]);
    expect(
      events.filter((e) => e.type !== 'rep.presenceChanged').map((e) => 'itemVersion' in e && e.itemVersion),
    ).toEqual([2, 2]);
    expect(h.timers.all().map((t) => t.kind)).toEqual(['pushTimeout']);
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, { ContactId: 'call-1' });
    // Capacity-only writes and source claims carry no entry: nothing more on the stream.
    expect(entriesOf(await reader.read())).toEqual([]);
  });

  it('a redelivered entry repeats identical events under the same ids, which subscribers de-duplicate by', async () => {
    const h = await makeHarness(smallCenter(), { delivery: 'outbox' });
    await h.router.logIn({ repId: 'rep-a' });
    await h.router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    const entries = entriesOf(await new LocalStreamReader(localClientConfig(endpoint()), h.table).read());
    for (const entry of [...entries, ...entries]) await h.router.dispatch(entry);
    const ids = published(h.events.events).map((e) => e.eventId);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(3);
    const byId = new Map<string, string>();
    for (const e of h.events.events) {
      const json = JSON.stringify(e);
      const id = (e as DispatchedEvent).eventId;
      expect(byId.get(id) ?? json).toBe(json);
      byId.set(id, json);
    }
  });

  it('the stream handler dispatches each record and reports the first failure, so Lambda retries from there', async () => {
    const h = await makeHarness(smallCenter(), { delivery: 'outbox' });
    await h.router.logIn({ repId: 'rep-a' });
    await h.router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    const records = await new LocalStreamReader(localClientConfig(endpoint()), h.table).read();
    const handler = makeHandler(() => h.router);
    const event = (rs: typeof records) =>
      ({ Records: rs.map((r) => ({ ...r, eventSource: 'aws:dynamodb' })) }) as never;
    expect(await handler(event(records), lambdaContext())).toEqual({ batchItemFailures: [] });
    expect(h.events.events).toHaveLength(3);
    // A record whose entry is not an outbox entry (a poison record): reported, and the rest left for the retry.
    const poison = structuredClone(records[0]!);
    poison.dynamodb!.NewImage!.outbox = { S: '{"id":1}' };
    const answer = await handler(event([poison, ...records]), lambdaContext());
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: poison.dynamodb!.SequenceNumber }] });
    expect(h.events.events).toHaveLength(3);
  });
});

describe('EventBridge failing while the outbox is delivered loses nothing', () => {
  const eventBridge = mockClient(EventBridgeClient);
  beforeEach(() => eventBridge.reset());

  it('partial PutEvents failures, a 5xx and throttling are retried until every event of every entry is on the bus', async () => {
    const bus = new EventBridgePublisher(new EventBridgeClient({ region: 'eu-west-2' }), 'router-bus', {
      sleep: async () => {},
    });
    const h = await makeHarness(smallCenter(), { delivery: 'outbox', ports: (deps) => ({ ...deps, events: bus }) });
    const onBus: string[] = [];
    let calls = 0;
    eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
      calls++;
      if (calls === 2)
        throw Object.assign(new Error('Internal failure'), { name: 'InternalException', $fault: 'server' });
      if (calls === 3)
        throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $fault: 'client' });
      // PutEvents answers per entry, in order; on the first call it refuses the first entry (documented shape).
      const refused = (i: number) => calls === 1 && i === 0;
      const entries = input.Entries ?? [];
      entries.forEach((e, i) => {
        if (!refused(i)) onBus.push(JSON.parse(e.Detail!).eventId);
      });
      return {
        FailedEntryCount: entries.filter((_, i) => refused(i)).length,
        Entries: entries.map((_, i) =>
          refused(i)
            ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }
            : { EventId: `e${calls}-${i}` },
        ),
      };
    });
    await h.router.logIn({ repId: 'rep-a' });
    await h.router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    // The 5xx and the throttle fail two deliveries; each stops the drain, and the next one starts again there.
    for (let attempt = 0; attempt < 3; attempt++) await h.drain().catch(() => undefined);
    await h.drain();
    const committed = entriesOf(await new LocalStreamReader(localClientConfig(endpoint()), h.table).read());
    const expected = committed.flatMap((e) => e.events.map((ev) => ev.eventId));
    expect(expected).toHaveLength(3);
    expect(new Set(onBus)).toEqual(new Set(expected));
  });
});
