import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createRoutingTable, documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { scanRecords } from '../../lambdas/adapters/dynamodb/scan-records';
import { EventLog, ManualClock, SequentialIds, TimerQueue } from '../../lambdas/adapters/local/in-process';
import { loadConfiguration } from '../../lambdas/domain/use-cases/configure';
import { type RouterDeps, StoreConfigProvider } from '../../lambdas/domain/use-cases/context';
import { Router } from '../../lambdas/domain/use-cases/router';

export { T0 } from './harness-time';

import { T0 } from './harness-time';

let tableCounter = 0;

export function endpoint(): string {
  const e = process.env.DDB_ENDPOINT;
  if (!e) throw new Error('DDB_ENDPOINT is not set: DynamoDB Local is started by jest globalSetup');
  return e;
}

/**
 * A fresh table on DynamoDB Local; every test file (or test) gets its own. The store uses `db` when given
 * (e.g. a client with fault-injecting middleware); setup and snapshots always use a plain client.
 */
export async function freshTable(
  db?: DynamoDBClient,
): Promise<{ table: string; store: DynamoRoutingStore; raw: DynamoDBClient }> {
  const raw = new DynamoDBClient(localClientConfig(endpoint()));
  const table = `routing-${process.pid}-${Date.now()}-${++tableCounter}`;
  await createRoutingTable(raw, table);
  return { table, store: new DynamoRoutingStore(documentClient(db ?? localClientConfig(endpoint())), table), raw };
}

export interface HarnessOptions {
  /** The DynamoDB client the router's store uses. */
  readonly db?: DynamoDBClient;
  /** Wraps the router's ports (e.g. to make publishing or scheduling fail). */
  readonly ports?: (deps: RouterDeps) => RouterDeps;
}

/** Every row of the table, split by kind: tests assert invariants from stored state, not from return values. */
export const snapshot = scanRecords;

export async function makeHarness(config: unknown, options: HarnessOptions = {}) {
  const { table, raw } = await freshTable();
  const store = new DynamoRoutingStore(documentClient(options.db ?? localClientConfig(endpoint())), table);
  await loadConfiguration(new DynamoRoutingStore(documentClient(localClientConfig(endpoint())), table), config);
  const clock = new ManualClock(T0);
  const events = new EventLog();
  const timers = new TimerQueue();
  const plain: RouterDeps = {
    store,
    clock,
    ids: new SequentialIds(),
    events,
    timers,
    config: new StoreConfigProvider(store, clock, Number.POSITIVE_INFINITY),
  };
  const deps = options.ports ? options.ports(plain) : plain;
  const router = new Router(deps);
  return {
    router,
    store,
    clock,
    events,
    timers,
    table,
    raw,
    deps,
    snapshot: () => snapshot(raw, table),
    item: async (id: string) => (await store.getItem(id))!,
    rep: async (id: string) => (await store.getRep(id))!,
    /** Advances virtual time and fires every timer that came due, in order. */
    async advance(ms: number) {
      const until = clock.now() + ms;
      for (let next = timers.nextDueAt(); next !== undefined && next <= until; next = timers.nextDueAt()) {
        clock.set(Math.max(clock.now(), next));
        for (const t of timers.takeDue(clock.now())) await router.fireTimer(t);
      }
      clock.set(until);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof makeHarness>>;
