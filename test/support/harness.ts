import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createRoutingTable, documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoConfigStore } from '../../lambdas/adapters/dynamodb/dynamo-config-store';
import { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { EventLog, ManualClock, SequentialIds, TimerQueue } from '../../lambdas/adapters/local/in-process';
import { entriesOf, LocalStreamReader, OutboxDrain } from '../../lambdas/adapters/local/stream-reader';
import { StoreConfigProvider } from '../../lambdas/domain/use-cases/config-provider';
import { loadConfiguration } from '../../lambdas/domain/use-cases/configure';
import type { RouterDeps } from '../../lambdas/domain/use-cases/deps';
import { Router } from '../../lambdas/domain/use-cases/router';
import { scanRecords } from '../../lambdas/simulator/scan-records';

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
/** A new routing table; with `stream` (outbox delivery) its stream is on, as deployed. */
export async function freshTable(
  db?: DynamoDBClient,
  options: { readonly stream?: boolean } = {},
): Promise<{ table: string; store: DynamoRoutingStore; configs: DynamoConfigStore; raw: DynamoDBClient }> {
  const raw = new DynamoDBClient(localClientConfig(endpoint()));
  const table = `routing-${process.pid}-${Date.now()}-${++tableCounter}`;
  await createRoutingTable(raw, table, { stream: options.stream ?? false });
  const doc = documentClient(db ?? localClientConfig(endpoint()));
  return { table, store: new DynamoRoutingStore(doc, table), configs: new DynamoConfigStore(doc, table), raw };
}

export interface HarnessOptions {
  /** The DynamoDB client the router's store uses. */
  readonly db?: DynamoDBClient;
  /** Wraps the router's ports (e.g. to make publishing or scheduling fail). */
  readonly ports?: (deps: RouterDeps) => RouterDeps;
  /**
   * `outbox`: deliver as deployed, only from the table's stream (DynamoDB Local's), through `drain()`; time
   * (`advance`) drains before and after each timer. @default 'inline'
   */
  readonly delivery?: 'inline' | 'outbox';
}

/** Every row of the table, split by kind: tests assert invariants from stored state, not from return values. */
export const snapshot = scanRecords;

export async function makeHarness(config: unknown, options: HarnessOptions = {}) {
  const { table, raw } = await freshTable(undefined, { stream: options.delivery === 'outbox' });
  // The router's own store and configuration share its client (faults injected there reach both).
  const db = documentClient(options.db ?? localClientConfig(endpoint()));
  const store = new DynamoRoutingStore(db, table);
  const configs = new DynamoConfigStore(db, table);
  await loadConfiguration(new DynamoConfigStore(documentClient(localClientConfig(endpoint())), table), config);
  const clock = new ManualClock(T0);
  const events = new EventLog();
  const timers = new TimerQueue();
  const plain: RouterDeps = {
    store,
    clock,
    ids: new SequentialIds(),
    events,
    timers,
    config: new StoreConfigProvider(configs, clock, Number.POSITIVE_INFINITY),
    delivery: options.delivery ?? 'inline',
  };
  const deps = options.ports ? options.ports(plain) : plain;
  const router = new Router(deps);
  const stream = new LocalStreamReader(localClientConfig(endpoint()), table);
  const outbox = new OutboxDrain(
    async () => entriesOf(await stream.read()),
    (entry) => router.dispatch(entry),
  );
  /** Delivers what the stream holds (outbox delivery); a no-op inline, where the writer delivered already. */
  const drain = async () => (plain.delivery === 'outbox' ? outbox.drain() : 0);
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
    drain,
    /** Advances virtual time and fires every timer that came due, in order. */
    async advance(ms: number) {
      const until = clock.now() + ms;
      await drain();
      for (let next = timers.nextDueAt(); next !== undefined && next <= until; next = timers.nextDueAt()) {
        clock.set(Math.max(clock.now(), next));
        for (const t of timers.takeDue(clock.now())) {
          await router.fireTimer(t);
          await drain();
        }
      }
      clock.set(until);
    },
  };
}

export type Harness = Awaited<ReturnType<typeof makeHarness>>;
