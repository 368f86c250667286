import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoSetAsideStore } from '../../lambdas/adapters/dynamodb/set-aside-store';
import { LocalStreamReader } from '../../lambdas/adapters/local/stream-reader';
import type { DispatchedEvent } from '../../lambdas/domain/routing/outbox';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler } from '../../lambdas/handlers/outbox-dispatch';
import { entryReader, readOutboxEntry } from '../../lambdas/shared/outbox-record';
import { smallCenter } from '../fixtures/small-center';
import { endpoint, makeHarness } from '../support/harness';
import { lambdaContext } from '../support/lambda-context';

/**
 * What the dispatcher cannot deliver is set aside whole and the lane moves on (semantics §10); the redrive delivers
 * it later, in commit order per item, through the same guards.
 */
async function setUp(failEvents: () => boolean = () => false) {
  const h = await makeHarness(smallCenter(), { delivery: 'outbox' });
  const setAside = new DynamoSetAsideStore(documentClient(localClientConfig(endpoint())), h.table);
  const events = {
    publish: async (e: Parameters<typeof h.events.publish>[0]) => {
      if (failEvents())
        throw Object.assign(new Error('unavailable'), {
          name: 'InternalException',
          $metadata: { httpStatusCode: 500 },
        });
      await h.events.publish(e);
    },
  };
  const router = new Router({ ...h.deps, events, setAside });
  const reader = new LocalStreamReader(localClientConfig(endpoint()), h.table);
  const records = async () => (await reader.read()).map((r) => ({ ...r, eventSource: 'aws:dynamodb' }));
  return { h, router, setAside, records };
}
const ids = (events: readonly unknown[]) => (events as DispatchedEvent[]).map((e) => e.eventId);

describe('the outbox sets aside what it cannot deliver, and redrives it', () => {
  it('a poison record mid-batch is set aside whole; the records after it are delivered in the same batch', async () => {
    const { h, router, setAside, records } = await setUp();
    await router.logIn({ repId: 'rep-a' });
    await router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    const batch = await records();
    const poison = structuredClone(batch[0]!);
    poison.dynamodb!.NewImage!.outbox = { S: '{"id":"item#x@1","at":5,"events":"not a list"}' };
    const handler = makeHandler(() => router);
    const answer = await handler({ Records: [batch[0], poison, ...batch.slice(1)] } as never, lambdaContext());
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(h.events.events).toHaveLength(3);
    const kept = await setAside.list(10);
    expect(kept).toEqual([
      expect.objectContaining({
        entryId: 'item#x@1',
        at: 5,
        reason: 'unreadable',
        raw: poison.dynamodb!.NewImage!.outbox.S,
      }),
    ]);
    // The operator's redrive tries it, reports it still failing, and keeps it whole.
    expect(await router.redrive(readOutboxEntry)).toEqual({
      delivered: 0,
      stillFailing: { transient: 0, rejected: 0, unreadable: 1 },
      waiting: 0,
    });
    expect((await setAside.list(10))[0]).toMatchObject({ attempts: 2, raw: kept[0]!.raw });
  });

  it('EventBridge failing: timers still queued, the events set aside, then redriven once it is back', async () => {
    let down = true;
    const { h, router, setAside, records } = await setUp(() => down);
    await router.logIn({ repId: 'rep-a' });
    await router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    await makeHandler(() => router)({ Records: await records() } as never, lambdaContext());
    expect(h.events.events).toHaveLength(0);
    expect(h.timers.all().map((t) => t.kind)).toEqual(['pushTimeout']);
    expect((await setAside.list(10)).map((e) => [e.parts, e.reason])).toEqual([
      [['events'], 'transient'],
      [['events'], 'transient'],
    ]);
    // Scheduled redrives back off; the first retry waits 30 s, and fails while EventBridge is down.
    expect((await router.redrive(readOutboxEntry, { backOff: true })).waiting).toBe(2);
    h.clock.advance(30_000);
    expect((await router.redrive(readOutboxEntry, { backOff: true })).stillFailing.transient).toBe(2);
    down = false;
    h.clock.advance(60_000);
    expect(await router.redrive(readOutboxEntry, { backOff: true })).toMatchObject({ delivered: 2 });
    // Commit order per item (one commit here); entries of other lanes in the same millisecond go by id.
    expect(ids(h.events.events)).toEqual([
      expect.stringMatching(/^item#.*@2#0$/),
      expect.stringMatching(/^item#.*@2#1$/),
      'rep#rep-a@1#0',
    ]);
    expect(h.timers.all()).toHaveLength(1); // only the events were owed: the timer is not scheduled twice
    expect(await setAside.count()).toEqual({ transient: 0, rejected: 0, unreadable: 0 });
  });

  it('entries of a newer format wait set aside unread, and the version that reads them delivers them', async () => {
    const { h, router, setAside, records } = await setUp();
    await router.logIn({ repId: 'rep-a' });
    await router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    const batch = (await records())
      .filter((r) => r.dynamodb?.NewImage?.outbox)
      .map((r) => {
        const next = structuredClone(r);
        const entry = JSON.parse(next.dynamodb!.NewImage!.outbox!.S!);
        next.dynamodb!.NewImage!.outbox = { S: JSON.stringify({ ...entry, v: 2, addedLater: { x: 1 } }) };
        return next;
      });
    await makeHandler(() => router)({ Records: batch } as never, lambdaContext());
    expect(h.events.events).toHaveLength(0);
    expect((await setAside.list(10)).map((e) => e.reason)).toEqual(['unreadable', 'unreadable']);
    // The deploy completes: a dispatcher that reads format 2 (and ignores the field it does not use) delivers all.
    expect(await router.redrive(entryReader(2))).toMatchObject({ delivered: 2 });
    expect(h.events.events.map((e) => e.type).sort()).toEqual(['offer.created', 'rep.presenceChanged', 'work.queued']);
  });

  it('reads entries written before the format was versioned (no v) as format 1', () => {
    const entry = { id: 'item#a@1', at: 1, events: [], timers: [], followUps: [] };
    expect(readOutboxEntry(JSON.stringify(entry))).toEqual(entry);
    expect(readOutboxEntry(JSON.stringify({ ...entry, v: 1 }))).toEqual(entry);
    expect(() => readOutboxEntry(JSON.stringify({ ...entry, v: 2 }))).toThrow();
  });
});
