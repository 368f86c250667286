import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createRoutingTable, documentClient, localClientConfig } from '../lambdas/adapters/dynamodb/client';
import { DynamoConfigStore } from '../lambdas/adapters/dynamodb/dynamo-config-store';
import { DynamoRoutingStore } from '../lambdas/adapters/dynamodb/dynamo-store';
import { SequentialIds } from '../lambdas/adapters/local/in-process';
import { systemClock } from '../lambdas/adapters/system/clock';
import type { EventSink, TelephonyPort, TimerPort } from '../lambdas/domain/ports';
import type { RoutingEvent } from '../lambdas/domain/routing/events';
import { CANDIDATE_CACHE_MS, CandidateCache } from '../lambdas/domain/use-cases/candidate-cache';
import { StoreConfigProvider } from '../lambdas/domain/use-cases/config-provider';
import { Router } from '../lambdas/domain/use-cases/router';
import { RequestMeter } from './request-meter';

/** Every request of every router in a run goes through one meter. */
export const meter = new RequestMeter();

/** Wall-clock time of each offer event, for submit-to-offer latency. */
export class OfferTimes implements EventSink {
  readonly offeredAt = new Map<string, number>();
  async publish(events: readonly RoutingEvent[]): Promise<void> {
    for (const e of events)
      if (e.type === 'offer.created' && !this.offeredAt.has(e.itemId)) this.offeredAt.set(e.itemId, performance.now());
  }
}

/** Timers are not part of what is measured (no offer times out within a run). */
const noTimers: TimerPort = { schedule: async () => {} };

export function meteredClient(endpoint: string): DynamoDBClient {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  meter.attach(client);
  return client;
}

let tables = 0;
/**
 * A bench table. Its rows carry the outbox entries as deployed (their bytes are in the write units), but it has no
 * stream: DynamoDB Local's stream slows every write as it grows (one run: lifecycle 36 -> 8 per second, offer
 * latency in seconds), which DynamoDB's own does not, and the bench's routers deliver inline.
 */
export async function newTable(endpoint: string): Promise<string> {
  const table = `bench-${process.pid}-${++tables}`;
  await createRoutingTable(new DynamoDBClient(localClientConfig(endpoint)), table, { stream: false });
  return table;
}

/** One router as one Lambda would run it: its own client, its own id namespace, the configuration cached. */
export function router(
  endpoint: string,
  table: string,
  n: number,
  events: EventSink = new OfferTimes(),
  cache = true,
  telephony?: TelephonyPort,
): Router {
  const db = documentClient(meteredClient(endpoint));
  const config = new StoreConfigProvider(new DynamoConfigStore(db, table), systemClock, Number.POSITIVE_INFINITY);
  const r = new Router({
    store: new DynamoRoutingStore(db, table),
    clock: systemClock,
    ids: new SequentialIds(`r${n}-`),
    events,
    timers: noTimers,
    config,
    ...(telephony ? { telephony } : {}),
    // As deployed (lambdas/shared/deps.ts), unless measuring one decision's full cost.
    ...(cache ? { candidates: new CandidateCache(CANDIDATE_CACHE_MS) } : {}),
  });
  configs.set(r, config);
  return r;
}

const configs = new WeakMap<Router, StoreConfigProvider>();

/** Loads a router's configuration into its cache, so that what is measured next excludes that read. */
export async function warmConfig(r: Router): Promise<void> {
  await configs.get(r)?.get();
}

/** Where a bench table's configuration is loaded (setup, not measured). */
export const configStore = (endpoint: string, table: string) =>
  new DynamoConfigStore(documentClient(localClientConfig(endpoint)), table);

export const seconds = (ms: number) => ms / 1000;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
