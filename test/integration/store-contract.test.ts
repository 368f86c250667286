import { localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { entriesOf, LocalStreamReader } from '../../lambdas/adapters/local/stream-reader';
import { MemoryRoutingStore } from '../../lambdas/adapters/memory/memory-store';
import { sourceItemId } from '../../lambdas/adapters/system/source-id';
import { ConflictError } from '../../lambdas/domain/errors';
import type { AvailabilityPage, RoutingStore, StateWrite } from '../../lambdas/domain/ports';
import { type AvailabilityOrder, availabilityKey } from '../../lambdas/domain/routing/availability';
import { rankKey } from '../../lambdas/domain/routing/ordering';
import type { OutboxEntry } from '../../lambdas/domain/routing/outbox';
import { type RepState, release, repChange, reserve, withPresence } from '../../lambdas/domain/routing/rep';
import type { WorkItem } from '../../lambdas/domain/routing/work-item';
import { scanRecords } from '../../lambdas/simulator/scan-records';
import { aRep, aWorkItem, compiled } from '../support/builders';
import { endpoint, freshTable } from '../support/harness';
import { T0 } from '../support/harness-time';

const config = compiled();
const limits = { primary: 100, interruptible: 100 };
const rank = (item: WorkItem) => rankKey(item, config.queue(item.queueId));
const queued = (item: WorkItem): StateWrite => ({
  kind: 'updateItem',
  item,
  expectedVersion: item.version - 1,
  rank: rank(item),
});
const created = (item: WorkItem): StateWrite => ({ kind: 'createItem', item, claimedAt: T0, rank: rank(item) });
const repWrite = (before: RepState, after: RepState): StateWrite => ({
  kind: 'rep',
  change: repChange(before, after, limits),
});
const newRep = (repId = 'rep-a') =>
  aRep({
    repId,
    sessionId: undefined,
    statusChannels: [],
    statusId: undefined,
    loggedInAt: undefined,
    presenceVersion: 0,
  });
const loggedIn = (rep: RepState) =>
  withPresence(rep, { sessionId: 's1', loggedInAt: T0, statusId: 'available', statusChannels: ['chat'] });

const conflictOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as ConflictError,
  );

/** What a commit's outbox entry looks like on each store's stream (DynamoDB Local's, or the memory store's). */
const outboxStores: [string, () => Promise<{ store: RoutingStore; stream: () => Promise<OutboxEntry[]> }>][] = [
  [
    'dynamodb',
    async () => {
      const t = await freshTable(undefined, { stream: true });
      const reader = new LocalStreamReader(localClientConfig(endpoint()), t.table);
      return { store: t.store, stream: async () => entriesOf(await reader.read()) };
    },
  ],
  [
    'memory',
    async () => {
      const store = new MemoryRoutingStore({ keepOutbox: true });
      return { store, stream: async () => store.takeOutbox() };
    },
  ],
];

describe.each(outboxStores)('RoutingStore outbox contract: %s', (_name, make) => {
  const entry = (id: string): OutboxEntry => ({ id, at: T0, events: [], timers: [], followUps: [] });

  it("delivers a committed entry once on the stream; a failed commit's never; a lone rep write none", async () => {
    const { store, stream } = await make();
    const item = aWorkItem({ id: 'w1', source: 's1' });
    await store.commit([created(item)], entry('item#w1@1'));
    await conflictOf(store.commit([created(aWorkItem({ id: 'w2', source: 's1' }))], entry('item#w2@1')));
    const rep = newRep();
    const later = loggedIn(rep);
    await store.commit([repWrite(rep, later)], entry('rep#rep-a@1'));
    const stored = (await store.getRep('rep-a'))!;
    await store.commit([repWrite(stored, reserve(stored, 'primary', 10, T0))]);
    expect((await stream()).map((e) => e.id)).toEqual(['item#w1@1', 'rep#rep-a@1']);
    expect(await stream()).toEqual([]);
  });
});

describe.each([
  ['dynamodb', async () => (await freshTable()).store as RoutingStore],
  ['memory', async () => new MemoryRoutingStore() as RoutingStore],
])('RoutingStore contract: %s', (_name, makeStore) => {
  let store: RoutingStore;
  beforeEach(async () => {
    store = await makeStore();
  });

  it('creates an item once per id and per channel + source', async () => {
    await store.commit([created(aWorkItem({ id: 'w1', source: 'src' }))]);
    expect((await conflictOf(store.commit([created(aWorkItem({ id: 'w2', source: 'src' }))])))?.failedWrites).toEqual([
      0,
    ]);
    expect(await conflictOf(store.commit([created(aWorkItem({ id: 'w1', source: 'other' }))]))).toBeInstanceOf(
      ConflictError,
    );
    expect(await store.itemIdForSource('chat', 'src')).toBe('w1');
    expect(await store.getItem('w2')).toBeUndefined();
  });

  it("a source another item has claimed (a transferred call's new contact) names that item, starts none", async () => {
    await store.commit([created(aWorkItem({ id: 'w1', source: 'first-contact' }))]);
    await store.commit([{ kind: 'claimSource', channel: 'chat', source: 'next-contact', itemId: 'w1', claimedAt: T0 }]);
    const derived = aWorkItem({ id: sourceItemId('chat', 'next-contact'), source: 'next-contact' });
    expect(await conflictOf(store.commit([created(derived)]))).toBeInstanceOf(ConflictError);
    expect(await store.itemIdForSource('chat', 'next-contact')).toBe('w1');
    expect(await store.getItem(derived.id)).toBeUndefined();
  });

  it('guards item writes by version', async () => {
    const item = aWorkItem();
    await store.commit([created(item)]);
    const next = { ...item, version: 2, priority: 3 };
    await store.commit([queued(next)]);
    expect(await conflictOf(store.commit([queued({ ...item, version: 2, priority: 4 })]))).toBeInstanceOf(
      ConflictError,
    );
    expect((await store.getItem(item.id))?.priority).toBe(3);
  });

  it('bounds rep capacity: a reservation fails when there is no room, a release when nothing is held', async () => {
    const rep = newRep();
    const on = loggedIn(rep);
    await store.commit([repWrite(rep, on)]);
    const stale = on;
    await store.commit([repWrite(stale, reserve(stale, 'primary', 60, T0))]);
    // Decided on a stale read (used 0), the second 60 fails: 60 + 60 > 100. 40 still fits.
    expect(
      (await conflictOf(store.commit([repWrite(stale, reserve(stale, 'primary', 60, T0))])))?.failedWrites,
    ).toEqual([0]);
    await store.commit([repWrite(stale, reserve(stale, 'primary', 40, T0))]);
    expect((await store.getRep('rep-a'))?.used.primary).toBe(100);
    const full = (await store.getRep('rep-a'))!;
    await store.commit([repWrite(full, release(full, 'primary', 100))]);
    expect(await conflictOf(store.commit([repWrite(full, release(full, 'primary', 100))]))).toBeInstanceOf(
      ConflictError,
    );
  });

  it("keeps Connect's agent state only over an older one; refuses a call's reservation while it blocks", async () => {
    const rep = newRep();
    const on = loggedIn(rep);
    await store.commit([repWrite(rep, on)]);
    await store.commit([{ kind: 'voiceState', repId: 'rep-a', block: 'afterContactWork', at: T0 + 10 }]);
    expect(await conflictOf(store.commit([{ kind: 'voiceState', repId: 'rep-a', at: T0 + 5 }]))).toBeInstanceOf(
      ConflictError,
    );
    expect(await store.getRep('rep-a')).toMatchObject({ voiceBlock: 'afterContactWork', voiceBlockAt: T0 + 10 });
    const call = { ...repWrite(on, reserve(on, 'primary', 100, T0)) } as Extract<StateWrite, { kind: 'rep' }>;
    const guarded: StateWrite = { ...call, change: { ...call.change, requireVoiceReachable: true } };
    expect((await conflictOf(store.commit([guarded])))?.failedWrites).toEqual([0]);
    // A chat's reservation is not a call's: Connect's state does not hold it back.
    await store.commit([repWrite(on, reserve(on, 'primary', 50, T0))]);
    await store.commit([{ kind: 'voiceState', repId: 'rep-a', at: T0 + 10 }]);
    const now = (await store.getRep('rep-a'))!;
    expect(now.voiceBlock).toBeUndefined();
    const again = repWrite(now, reserve(now, 'primary', 50, T0)) as Extract<StateWrite, { kind: 'rep' }>;
    await store.commit([{ ...again, change: { ...again.change, requireVoiceReachable: true } }]);
    expect((await store.getRep('rep-a'))?.used.primary).toBe(100);
  });

  it('a change that nets to nothing still checks its guards (outbound reserving what it rescinded)', async () => {
    const rep = newRep();
    const on = loggedIn(rep);
    await store.commit([repWrite(rep, on)]);
    const held = reserve(on, 'primary', 100, T0);
    await store.commit([repWrite(on, held)]);
    const swapped = reserve(release(held, 'primary', 100), 'primary', 100, T0);
    const item = aWorkItem();
    await store.commit([created(item)]);
    await store.commit([queued({ ...item, version: 2, priority: 3 }), repWrite(held, swapped)]);
    expect((await store.getItem(item.id))?.version).toBe(2);
    expect((await store.getRep('rep-a'))?.used.primary).toBe(100);
    const elsewhere = withPresence(held, { ...held, statusId: 'busy', statusChannels: [] });
    await store.commit([repWrite(held, elsewhere)]);
    expect(
      await conflictOf(store.commit([repWrite(held, reserve(release(held, 'primary', 100), 'primary', 100, T0))])),
    ).toBeInstanceOf(ConflictError);
  });

  it('a reservation requires the presence it was decided on', async () => {
    const rep = newRep();
    const on = loggedIn(rep);
    await store.commit([repWrite(rep, on)]);
    const busy = withPresence(on, { ...on, statusId: 'busy', statusChannels: [] });
    await store.commit([repWrite(on, busy)]);
    expect(await conflictOf(store.commit([repWrite(on, reserve(on, 'primary', 10, T0))]))).toBeInstanceOf(
      ConflictError,
    );
    expect((await store.getRep('rep-a'))?.used.primary).toBe(0);
  });

  it('commits several writes all or nothing, naming the write that lost', async () => {
    const rep = newRep();
    const on = loggedIn(rep);
    await store.commit([repWrite(rep, on)]);
    const item = aWorkItem();
    await store.commit([created(item)]);
    const offered: WorkItem = { ...item, state: 'Offered', version: 2 };
    const err = await conflictOf(
      store.commit([
        { kind: 'updateItem', item: offered, expectedVersion: 1 },
        repWrite(on, reserve(on, 'primary', 500, T0)),
      ]),
    );
    expect(err?.failedWrites).toEqual([1]);
    expect((await store.getItem(item.id))?.state).toBe('Queued');
  });

  it('lists waiting items in rank order, a page at a time, and drops them once offered', async () => {
    const items = [3, 1, 2].map((n) => aWorkItem({ id: `w${n}`, source: `s${n}`, requestedAt: T0 + n }));
    for (const i of items) await store.commit([created(i)]);
    const first = await store.waitingItems({ kind: 'queue', queueId: 'chat-q' }, 2);
    expect(first.items.map((i) => i.id)).toEqual(['w1', 'w2']);
    const second = await store.waitingItems({ kind: 'queue', queueId: 'chat-q' }, 2, first.cursor);
    expect(second.items.map((i) => i.id)).toEqual(['w3']);
    await store.commit([
      {
        kind: 'updateItem',
        item: {
          ...items[1]!,
          state: 'Offered',
          version: 2,
          reservation: {
            offerId: 'o',
            repId: 'rep-a',
            sessionId: 's1',
            pool: 'primary',
            units: 50,
            offeredAt: T0,
            declinable: true,
          },
        },
        expectedVersion: 1,
      },
    ]);
    expect((await store.waitingItems({ kind: 'queue', queueId: 'chat-q' }, 10)).items.map((i) => i.id)).toEqual([
      'w2',
      'w3',
    ]);
    expect((await store.heldItems('rep-a')).map((i) => i.id)).toEqual(['w1']);
    expect((await store.waitingItems({ kind: 'rep', repId: 'rep-a' }, 10)).items).toEqual([]);
  });

  it('lists only logged-in reps with a routable status as available', async () => {
    const a = newRep('rep-a');
    const b = newRep('rep-b');
    await store.commit([repWrite(a, loggedIn(a))]);
    await store.commit([repWrite(b, withPresence(b, { sessionId: 's2', statusId: 'busy', statusChannels: [] }))]);
    expect((await store.availableReps('g1')).map((r) => r.repId)).toEqual(['rep-a']);
    expect(await store.availableReps('other')).toEqual([]);
  });
});

describe('DynamoDB store: one write per submission, and the availability orders (semantics §13)', () => {
  it('an item whose id its source names is its own claim: one row, found by its source', async () => {
    const { store, table, raw } = await freshTable();
    const item = aWorkItem({ id: sourceItemId('chat', 'contact-1'), source: 'contact-1' });
    await store.commit([created(item)]);
    expect((await scanRecords(raw, table)).rows).toHaveLength(1);
    expect(await store.itemIdForSource('chat', 'contact-1')).toBe(item.id);
    expect((await conflictOf(store.commit([created({ ...item, priority: 2 })])))?.failedWrites).toEqual([0]);
  });

  it('reads a group in each order, best first, a page at a time, within a key range', async () => {
    const { store } = await freshTable();
    const states = [
      { repId: 'rep-a', used: { primary: 50, interruptible: 0 }, activeItems: 1 },
      { repId: 'rep-b', used: { primary: 0, interruptible: 40 }, activeItems: 2 },
      { repId: 'rep-c', used: { primary: 20, interruptible: 0 }, activeItems: 0 },
    ];
    for (const s of states) {
      const before = newRep(s.repId);
      const on = loggedIn(before);
      await store.commit([repWrite(before, on)]);
      await store.commit([repWrite(on, { ...on, ...s, lastOfferAt: T0 })]);
    }
    const ids = async (order: AvailabilityOrder, page: Partial<AvailabilityPage> = {}) =>
      (await store.availableInOrder('g1', order, { limit: 10, ...page })).items.map((r) => r.repId);
    expect(await ids('free')).toEqual(['rep-b', 'rep-c', 'rep-a']);
    expect(await ids('interruptibleFree')).toEqual(['rep-c', 'rep-a', 'rep-b']);
    expect(await ids('active')).toEqual(['rep-c', 'rep-a', 'rep-b']);
    const first = await store.availableInOrder('g1', 'free', { limit: 2 });
    expect((await store.availableInOrder('g1', 'free', { limit: 2, cursor: first.cursor })).items).toHaveLength(1);
    const key = (repId: string) =>
      availabilityKey(aRep({ ...states.find((s) => s.repId === repId), lastOfferAt: T0 }), limits, 'free');
    expect(await ids('free', { from: key('rep-c'), to: key('rep-a') })).toEqual(['rep-c', 'rep-a']);
    await expect(store.availableInOrder('g1', 'free', { limit: 2, cursor: 'bogus' })).rejects.toThrow(/cursor/);
    // A number is accepted only where the list's key has one: a waiting list's cursor is all strings.
    const numeric = Buffer.from(JSON.stringify({ gsi1pk: 'WAIT#Q#chat-q', gsi1sk: 5, pk: 'WORK#w', sk: 'ITEM' }));
    await expect(
      store.waitingItems({ kind: 'queue', queueId: 'chat-q' }, 2, numeric.toString('base64url')),
    ).rejects.toThrow(/cursor/);
  });
});
