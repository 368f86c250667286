import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createRoutingTable, documentClient, localClientConfig } from '../adapters/dynamodb/client';
import { DynamoConfigStore } from '../adapters/dynamodb/dynamo-config-store';
import { DynamoRoutingStore } from '../adapters/dynamodb/dynamo-store';
import { startDynamoLocal } from '../adapters/local/dynamodb-local';
import { type EventLog, SequentialIds, type TimerQueue } from '../adapters/local/in-process';
import { entriesOf, LocalStreamReader, OutboxDrain } from '../adapters/local/stream-reader';
import { MemoryRoutingStore } from '../adapters/memory/memory-store';
import type { Clock, CommandCenterView, ConfigStore, DesktopPush, RoutingStore, TelephonyPort } from '../domain/ports';
import type { OutboxEntry } from '../domain/routing/outbox';
import type { RepState } from '../domain/routing/rep';
import type { WorkItem } from '../domain/routing/work-item';
import { StoreConfigProvider } from '../domain/use-cases/config-provider';
import { Router } from '../domain/use-cases/router';
import { scanRecords } from './scan-records';

/** What the report reads back: every stored item and rep, and whether a queued item is findable by routing. */
export interface StoreRecords {
  items: WorkItem[];
  reps: RepState[];
  isWaiting(item: WorkItem): boolean;
}

export interface SimulationStore {
  readonly kind: 'dynamodb' | 'memory';
  readonly store: RoutingStore;
  readonly configs: ConfigStore;
  /** Outbox entries committed since the last call: DynamoDB Local's table stream, or the memory store's. */
  outbox(): Promise<OutboxEntry[]>;
  records(): Promise<StoreRecords>;
  close(): Promise<void>;
}

export async function openStore(kind: 'dynamodb' | 'memory', endpoint?: string): Promise<SimulationStore> {
  if (kind === 'memory') {
    const store = new MemoryRoutingStore({ keepOutbox: true });
    return {
      kind,
      store,
      configs: store,
      outbox: async () => store.takeOutbox(),
      records: async () => ({ ...store.snapshot(), isWaiting: (i) => store.isWaiting(i) }),
      close: async () => {},
    };
  }
  const local = endpoint ? undefined : await startDynamoLocal();
  const url = endpoint ?? local!.endpoint;
  const raw = new DynamoDBClient(localClientConfig(url));
  const table = `simulation-${Date.now()}`;
  await createRoutingTable(raw, table);
  const stream = new LocalStreamReader(localClientConfig(url), table);
  return {
    kind,
    outbox: async () => entriesOf(await stream.read()),
    store: new DynamoRoutingStore(documentClient(localClientConfig(url)), table),
    configs: new DynamoConfigStore(documentClient(localClientConfig(url)), table),
    records: () => scanRecords(raw, table),
    close: async () => {
      raw.destroy();
      await local?.stop();
    },
  };
}

/**
 * The Router a simulation drives: the run's store, virtual clock, event log and timer queue, readable ids. It
 * delivers as deployed, from the outbox (`deliver` after each step), so the statistics and the Command Center read
 * what subscribers would get.
 */
export function simulatedRouter(
  sim: SimulationStore,
  ports: {
    readonly clock: Clock;
    readonly events: EventLog;
    readonly timers: TimerQueue;
    readonly desktops?: DesktopPush;
    readonly commandCenter?: CommandCenterView;
    readonly telephony?: TelephonyPort;
  },
): { router: Router; deliver: () => Promise<number> } {
  const router = new Router({
    ...ports,
    store: sim.store,
    ids: new SequentialIds(),
    // The configuration is loaded once per run and never changes during it.
    config: new StoreConfigProvider(sim.configs, ports.clock, Number.POSITIVE_INFINITY),
    delivery: 'outbox',
  });
  const drain = new OutboxDrain(
    () => sim.outbox(),
    (entry) => router.dispatch(entry),
  );
  return { router, deliver: () => drain.drain() };
}
