import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import type { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { keys } from '../../lambdas/adapters/dynamodb/keys';
import type { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import type { AvailabilityPage } from '../../lambdas/domain/ports';
import {
  AVAILABILITY_ORDERS,
  type AvailabilityOrder,
  availabilityKey,
  orderFor,
} from '../../lambdas/domain/routing/availability';
import { limitsOf } from '../../lambdas/domain/routing/eligibility';
import { type RepState, repChange, withPresence } from '../../lambdas/domain/routing/rep';
import { chooseRep } from '../../lambdas/domain/routing/selection';
import type { WorkItem } from '../../lambdas/domain/routing/work-item';
import { readHead } from '../../lambdas/domain/use-cases/available-head';
import { smallCenter } from '../fixtures/small-center';
import { aRep, aWorkItem, compiled } from '../support/builders';
import { endpoint, freshTable } from '../support/harness';
import { T0 } from '../support/harness-time';

/** One group of `n` reps; every third has a bigger primary pool, so free capacity and used units differ. */
function groupOf(n: number, overrides: Partial<ReturnType<typeof smallCenter>> = {}): CompiledConfig {
  const base = { ...smallCenter(), ...overrides };
  return compiled({
    ...base,
    presenceConfigs: [...base.presenceConfigs, { id: 'big', capacity: 200, interruptibleCapacity: 100 }],
    reps: Array.from({ length: n }, (_, i) => ({
      id: `rep-${String(i).padStart(3, '0')}`,
      group: 'g1',
      queues: i % 7 === 3 ? ['voice-q'] : ['voice-q', 'chat-q', 'case-q'],
      skills: {},
      ...(i % 3 === 0 ? { presenceConfig: 'big' } : {}),
    })),
  });
}

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

const STATUS_CHANNELS = [['voice', 'chat', 'case'], ['chat', 'case'], ['voice']];

/** A rep's life as writes: login, then offers (each reserving) and releases, through the store's arithmetic. */
const repLife = fc.record({
  status: fc.nat({ max: 2 }),
  offers: fc.array(fc.record({ pool: fc.boolean(), units: fc.constantFrom(10, 25, 50), at: fc.nat({ max: 5 }) }), {
    maxLength: 3,
  }),
  released: fc.nat({ max: 3 }),
});

async function live(
  store: DynamoRoutingStore,
  config: CompiledConfig,
  repId: string,
  life: Of<typeof repLife>,
  kept: readonly AvailabilityOrder[] = AVAILABILITY_ORDERS,
) {
  const limits = limitsOf(config.rep(repId));
  const write = async (before: RepState, after: RepState) => {
    await store.commit([{ kind: 'rep', change: repChange(before, after, limits, kept) }]);
    return after;
  };
  const fresh = aRep({ repId, sessionId: undefined, statusChannels: [], statusId: undefined, presenceVersion: 0 });
  const presence = { sessionId: 's', loggedInAt: T0, statusId: 'x', statusChannels: STATUS_CHANNELS[life.status]! };
  let rep = await write(fresh, withPresence(fresh, presence));
  const held: { pool: 'primary' | 'interruptible'; units: number }[] = [];
  for (const o of life.offers) {
    const pool = o.pool ? 'primary' : 'interruptible';
    if (rep.used[pool] + o.units > limits[pool]) continue;
    held.push({ pool, units: o.units });
    const used = { ...rep.used, [pool]: rep.used[pool] + o.units };
    rep = await write(rep, { ...rep, used, activeItems: rep.activeItems + 1, lastOfferAt: T0 + o.at * 1000 });
  }
  for (const h of held.slice(0, life.released)) {
    const used = { ...rep.used, [h.pool]: rep.used[h.pool] - h.units };
    rep = await write(rep, { ...rep, used, activeItems: rep.activeItems - 1 });
  }
  return rep;
}

const anItem = fc.record({
  queue: fc.constantFrom('voice-q', 'chat-q', 'case-q'),
  units: fc.constantFrom(10, 50, 90),
  id: fc.string({ minLength: 1, maxLength: 8 }),
  excluded: fc.array(fc.nat({ max: 79 }), { maxLength: 4 }),
});

function itemOf(config: CompiledConfig, i: Of<typeof anItem>): WorkItem {
  const channel = config.queue(i.queue).channel;
  return aWorkItem({
    id: `w-${i.id}`,
    channel,
    queueId: i.queue,
    interruptible: channel === 'case',
    size: channel === 'voice' ? undefined : { units: i.units },
    exclusions: i.excluded.map((n: number) => ({
      repId: `rep-${String(n).padStart(3, '0')}`,
      sessionId: 's',
      at: T0,
      reason: 'declined' as const,
    })),
  });
}

const best = (config: CompiledConfig, item: WorkItem, reps: readonly RepState[]) => {
  const s = chooseRep(
    item,
    reps.map((state) => ({ profile: config.rep(state.repId), state })),
    config,
    T0 + 10_000,
  );
  return s.kind === 'chosen' ? s.rep.profile.id : 'nobody';
};

describe('availability orders (semantics §13): a push reads the head and still chooses exactly', () => {
  it('keeps each rep at its place through offers and releases, in the kept orders only, and the head chooses as the whole group would', async () => {
    const config = groupOf(80);
    await fc.assert(
      fc.asyncProperty(
        fc.array(repLife, { minLength: 80, maxLength: 80 }),
        fc.array(anItem, { maxLength: 6 }),
        fc.subarray<AvailabilityOrder>(['interruptibleFree', 'active']),
        async (lives, items, more) => {
          const kept: AvailabilityOrder[] = ['free', ...more];
          const { store, table } = await freshTable();
          const reps = await Promise.all(
            lives.map((l, i) => live(store, config, `rep-${String(i).padStart(3, '0')}`, l, kept)),
          );
          const db = documentClient(localClientConfig(endpoint()));
          for (const rep of reps) {
            const row = (await db.send(new GetCommand({ TableName: table, Key: keys.rep(rep.repId) }))).Item!;
            for (const order of AVAILABILITY_ORDERS) {
              const key = availabilityKey(rep, limitsOf(config.rep(rep.repId)), order);
              expect(row[keys.availability(order).place]).toBe(key);
              expect(row[keys.availability(order).sortKey]).toBe(kept.includes(order) ? key : undefined);
            }
          }
          const all = await store.availableReps('g1');
          for (const i of items) {
            const item = itemOf(config, i);
            const order = orderFor(item, config);
            if (!kept.includes(order)) continue;
            const head = await readHead(
              (p) => store.availableInOrder('g1', order, p),
              config,
              item,
              order,
              T0 + 10_000,
            );
            expect(best(config, item, head.reps)).toBe(best(config, item, all));
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('enters a big tied bucket (a center just logged in) at the item’s place on the ring, in a few reads', async () => {
    const config = groupOf(150);
    const { store, reads, read } = await wholeGroup(config, ['chat']);
    const all = await store.availableReps('g1');
    // LeastActive chat: all 150 reps are tied (none active, none offered); MostAvailable cases: the 50 reps with
    // 200 units. Both are past two pages, so the ring is read; not every rep serves chat or cases.
    for (const [id, queueId] of [...'abcdef'].map((id, n) => [id, n % 2 ? 'chat-q' : 'case-q'] as const)) {
      const item = aWorkItem({ id, queueId, size: { units: 10 } });
      const order = orderFor(item, config);
      reads.length = 0;
      const head = await readHead(read(order), config, item, order, T0);
      expect(best(config, item, head.reps)).toBe(best(config, item, all));
      expect(new Set(head.reps.map((r) => r.repId)).size).toBe(head.reps.length);
      expect(reads.some((p) => p.from !== undefined)).toBe(true);
      expect(reads.length).toBeLessThanOrEqual(5);
    }
  });

  it('at peak, when no rep has room for a call, stops at the first rep with less room than any call needs', async () => {
    const config = groupOf(150);
    const reads = await callAtPeak(config, 'free');
    // The 50 reps with 200 units come first (190 free, but a call needs all 200); the first 100-unit rep, with 90
    // free, has less room than any call in the group needs: two pages of the three a scan would read.
    expect(reads).toHaveLength(2);
  });

  it('at peak in a LeastActive voice queue without an interruptible pool, stops at the first rep holding work', async () => {
    const center = smallCenter();
    const config = groupOf(150, {
      interruptibleCapacityEnabled: false,
      queues: center.queues.map((q) => (q.id === 'voice-q' ? { ...q, routingModel: 'LeastActive' as const } : q)),
    });
    const reads = await callAtPeak(config, 'active');
    // Every rep holds a chat, so every active item holds primary units: the first page shows no one can take a call.
    expect(reads).toHaveLength(1);
  });
});

/**
 * Every rep of the center logged in with a status of `channels` (and, `busy`, holding one 10-unit chat), and a
 * reader of the group's orders that records each page asked for.
 */
async function wholeGroup(config: CompiledConfig, channels: string[], busy = false) {
  const { store } = await freshTable();
  const fresh = { sessionId: undefined, statusChannels: [], statusId: undefined, presenceVersion: 0 };
  await Promise.all(
    config.raw.reps.map(async (r) => {
      const limits = limitsOf(config.rep(r.id));
      const before = aRep({ repId: r.id, ...fresh });
      const on = withPresence(before, { sessionId: 's', loggedInAt: T0, statusId: 'x', statusChannels: channels });
      await store.commit([{ kind: 'rep', change: repChange(before, on, limits) }]);
      if (!busy) return;
      const held = { ...on, used: { primary: 10, interruptible: 0 }, activeItems: 1, lastOfferAt: T0 };
      await store.commit([{ kind: 'rep', change: repChange(on, held, limits) }]);
    }),
  );
  const reads: AvailabilityPage[] = [];
  const read = (order: AvailabilityOrder) => (p: AvailabilityPage) => {
    reads.push(p);
    return store.availableInOrder('g1', order, p);
  };
  return { store, reads, read };
}

/** A call pushed in `order` when every rep holds a chat: nobody can take it, read or not; the pages read. */
async function callAtPeak(config: CompiledConfig, order: AvailabilityOrder): Promise<AvailabilityPage[]> {
  const { store, reads, read } = await wholeGroup(config, ['voice'], true);
  const item = aWorkItem({ id: 'call', channel: 'voice', queueId: 'voice-q', size: undefined });
  const head = await readHead(read(order), config, item, order, T0);
  expect(best(config, item, head.reps)).toBe('nobody');
  expect(best(config, item, await store.availableReps('g1'))).toBe('nobody');
  return reads;
}
