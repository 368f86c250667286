import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import type { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { keys } from '../../lambdas/adapters/dynamodb/keys';
import { assertRepRowsCurrent, takeUpOrders } from '../../lambdas/adapters/dynamodb/order-take-up';
import {
  AVAILABILITY_ORDERS,
  type AvailabilityOrder,
  availabilityKey,
} from '../../lambdas/domain/routing/availability';
import { limitsOf } from '../../lambdas/domain/routing/eligibility';
import { type RepState, repChange, withPresence } from '../../lambdas/domain/routing/rep';
import { smallCenter } from '../fixtures/small-center';
import { aRep, compiled } from '../support/builders';
import { endpoint, freshTable } from '../support/harness';
import { T0 } from '../support/harness-time';

const REPS = 24;
const config = compiled({
  ...smallCenter(),
  reps: Array.from({ length: REPS }, (_, i) => ({ id: `rep-${i}`, group: 'g1', queues: ['chat-q'], skills: {} })),
});
const limits = limitsOf(config.rep('rep-0'));

/** One write of a rep's life: an offer of `units` in a pool, or the release of what the last offer took. */
const aStep = fc.record({
  pool: fc.constantFrom('primary', 'interruptible'),
  units: fc.constantFrom(10, 30),
  at: fc.nat(9),
});
type Step = { pool: 'primary' | 'interruptible'; units: number; at: number };

async function write(store: DynamoRoutingStore, before: RepState, after: RepState, kept: readonly AvailabilityOrder[]) {
  await store.commit([{ kind: 'rep', change: repChange(before, after, limits, kept) }]);
  return after;
}

/** Offers while there is room, releasing the first one whenever there is not. */
async function steps(store: DynamoRoutingStore, rep: RepState, list: Step[], kept: readonly AvailabilityOrder[]) {
  let state = rep;
  for (const s of list) {
    const room = limits[s.pool] - state.used[s.pool] >= s.units;
    const used = { ...state.used, [s.pool]: state.used[s.pool] + (room ? s.units : -state.used[s.pool]) };
    const activeItems = room ? state.activeItems + 1 : Math.max(0, state.activeItems - 1);
    state = await write(
      store,
      state,
      { ...state, used, activeItems, ...(room ? { lastOfferAt: T0 + s.at * 1000 } : {}) },
      kept,
    );
  }
  return state;
}

describe('taking an availability order up (a configuration change that reads it for the first time)', () => {
  it('puts every rep into the new orders at exactly its place, while routers keep writing the same rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(aStep, { maxLength: 3 }), { minLength: REPS, maxLength: REPS }),
        fc.array(fc.array(aStep, { maxLength: 2 }), { minLength: REPS, maxLength: REPS }),
        async (before, during) => {
          const { store, table } = await freshTable();
          const db = documentClient(localClientConfig(endpoint()));
          const fresh = (i: number) =>
            aRep({
              repId: `rep-${i}`,
              sessionId: undefined,
              statusChannels: [],
              statusId: undefined,
              presenceVersion: 0,
            });
          const presence = { sessionId: 's', loggedInAt: T0, statusId: 'available', statusChannels: ['chat'] };
          // Under a configuration that keeps only the free order; then routers that keep all three, racing the take-up.
          const reps = await Promise.all(
            before.map(async (list, i) =>
              steps(store, await write(store, fresh(i), withPresence(fresh(i), presence), ['free']), list, ['free']),
            ),
          );
          const [after] = await Promise.all([
            Promise.all(reps.map((rep, i) => steps(store, rep, during[i]!, AVAILABILITY_ORDERS))),
            takeUpOrders(
              db,
              table,
              ['interruptibleFree', 'active'],
              [...reps.map((r) => r.repId), 'rep-never-logged-in'],
            ),
          ]);
          for (const rep of after) {
            const row = (await db.send(new GetCommand({ TableName: table, Key: keys.rep(rep.repId) }))).Item!;
            for (const order of AVAILABILITY_ORDERS) {
              const key = availabilityKey(rep, limits, order);
              expect({ order, key: row[keys.availability(order).sortKey] }).toEqual({ order, key });
              expect(row[keys.availability(order).place]).toBe(key);
            }
          }
          const active = await store.availableInOrder('g1', 'active', { limit: 100 });
          expect(active.items.map((r) => r.repId).sort()).toEqual(after.map((r) => r.repId).sort());
          expect(await store.getRep('rep-never-logged-in')).toBeUndefined();
        },
      ),
      { numRuns: 8 },
    );
  });

  it('refuses a row written before places existed, naming it and the way to upgrade', async () => {
    const { table } = await freshTable();
    const db = documentClient(localClientConfig(endpoint()));
    // A rep row as the version before places wrote it: sort keys and counts, no places.
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { ...keys.rep('rep-old'), type: 'Rep', availFree: 5, unitsPrimary: 0 },
      }),
    );
    const why =
      'rep row REP#rep-old has no availability places: the table predates them; see the README, "Upgrading a table from before 2026-12-02"';
    await expect(takeUpOrders(db, table, ['active'], ['rep-old'])).rejects.toThrow(why);
    // Checked on every change, whether or not it takes an order up: a rep without a row, or with a current one, passes.
    await expect(assertRepRowsCurrent(db, table, ['rep-new', 'rep-old'])).rejects.toThrow(why);
    await db.send(new PutCommand({ TableName: table, Item: { ...keys.rep('rep-new'), type: 'Rep', placeFree: 5 } }));
    await expect(assertRepRowsCurrent(db, table, ['rep-new', 'rep-never-logged-in'])).resolves.toBeUndefined();
  });
});
