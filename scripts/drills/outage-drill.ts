import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createRoutingTable, documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoConfigStore } from '../../lambdas/adapters/dynamodb/dynamo-config-store';
import { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { DynamoSetAsideStore } from '../../lambdas/adapters/dynamodb/set-aside-store';
import { EventLog, ManualClock, SequentialIds, TimerQueue } from '../../lambdas/adapters/local/in-process';
import { localLambdaContext } from '../../lambdas/adapters/local/lambda-context';
import { LocalStreamMapping } from '../../lambdas/adapters/local/stream-mapping';
import { LocalStreamReader } from '../../lambdas/adapters/local/stream-reader';
import { MAX_SQS_DELAY_SECONDS } from '../../lambdas/adapters/timers/aws-timers';
import type { DispatchedEvent } from '../../lambdas/domain/routing/outbox';
import { StoreConfigProvider } from '../../lambdas/domain/use-cases/config-provider';
import { loadConfiguration } from '../../lambdas/domain/use-cases/configure';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler } from '../../lambdas/handlers/outbox-dispatch';
import { entryReader, outboxOf, readOutboxEntry } from '../../lambdas/shared/outbox-record';
import { DEPLOYED_MAPPING } from '../../lib/constructs/outbox-mapping-settings';
import { DRILL_REPS, drillCenter } from './drill-center';
import { drillVoice } from './drill-voice';

/** What fails in a drill: one of the outbox's dependencies, or the dispatcher is a version behind its writers. */
export type Failure = 'eventBridge' | 'apiGatewayManagement' | 'sqs' | 'scheduler' | 'dispatcherBehind';

export interface DrillOptions {
  /** DynamoDB Local's endpoint. */
  readonly endpoint: string;
  /** Chat items submitted, evenly over `minutes`, each accepted, handled for a minute, wrapped up and completed. */
  readonly items: number;
  readonly minutes: number;
  /** What fails, from when, for how long (virtual minutes); several may overlap. */
  readonly failures?: readonly { readonly what: Failure; readonly fromMinute: number; readonly minutes: number }[];
  /** A record whose entry no version can read, written half way through. */
  readonly poison?: boolean;
  /** Every this-many-th item is a call through the local Amazon Connect (the rest are chats). */
  readonly callEvery?: number;
}

export interface DrillReport {
  readonly items: number;
  readonly committedEvents: number;
  readonly publishedEvents: number;
  readonly missingEvents: number;
  readonly committedTimers: number;
  readonly firedTimers: number;
  readonly unfiredTimers: number;
  readonly stuckItems: number;
  /** The most entries set aside at once, and how many are left after recovery and the operator's redrive. */
  readonly setAsidePeak: number;
  readonly setAsideLeft: Readonly<Record<'transient' | 'rejected' | 'unreadable', number>>;
  /** Records the mapping gave up on (its on-failure destination): 0 when every failure was set aside instead. */
  readonly toFailureDestination: number;
  /** Batches the dispatcher failed (each holds its shard's lane until retried): 0 when nothing waits on a poison. */
  readonly failedBatches: number;
  readonly pushesFailed: number;
  /** Calls placed, and UpdateContactRoutingData calls the emulator received (each call's offers targeted). */
  readonly calls: number;
  readonly connectTargeted: number;
}

const STEP_MS = 10_000;
const T0 = Date.UTC(2026, 11, 7, 8, 0, 0);

const unavailable = (service: string) =>
  Object.assign(new Error(`${service}: service unavailable`), {
    name: 'ServiceUnavailableException',
    $metadata: { httpStatusCode: 503 },
  });

/**
 * An outage drill on DynamoDB Local: the deployed dispatcher behind the deployed mapping's semantics, one dependency
 * failing for a while, then recovery, the scheduled redrive, and the operator's. Counts what was committed against
 * what was delivered, by event id and timer.
 */
export async function outageDrill(options: DrillOptions): Promise<DrillReport> {
  const raw = new DynamoDBClient(localClientConfig(options.endpoint));
  const table = `drill-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await createRoutingTable(raw, table);
  const db = documentClient(localClientConfig(options.endpoint));
  const clock = new ManualClock(T0);
  const voice = options.callEvery ? await drillVoice(() => clock.now(), DRILL_REPS) : undefined;
  await loadConfiguration(new DynamoConfigStore(db, table), drillCenter(voice?.users));
  const failures = options.failures ?? [];
  const failing = (what: Failure) =>
    failures.some((f) => {
      const from = T0 + f.fromMinute * 60_000;
      return f.what === what && clock.now() >= from && clock.now() < from + f.minutes * 60_000;
    });
  const log = new EventLog();
  const queue = new TimerQueue();
  const timerKey = (t: { kind: string; itemId: string; guard: string; dueAt: number }) =>
    `${t.kind}|${t.itemId}|${t.guard}|${t.dueAt}`;
  let pushesFailed = 0;
  const setAside = new DynamoSetAsideStore(db, table);
  const store = new DynamoRoutingStore(db, table);
  const router = new Router({
    store,
    clock,
    ids: new SequentialIds(),
    config: new StoreConfigProvider(new DynamoConfigStore(db, table), clock, Number.POSITIVE_INFINITY),
    delivery: 'outbox',
    setAside,
    ...(voice ? { telephony: voice.telephony } : {}),
    events: {
      publish: async (events) => {
        if (failing('eventBridge')) throw unavailable('PutEvents');
        await log.publish(events);
      },
    },
    timers: {
      // As AwsTimers splits them: up to 15 minutes on SQS (sent first), later ones on EventBridge Scheduler.
      schedule: async (timers) => {
        const soon = timers.filter((t) => t.dueAt - clock.now() <= MAX_SQS_DELAY_SECONDS * 1000);
        const later = timers.filter((t) => !soon.includes(t));
        if (soon.length && failing('sqs')) throw unavailable('SendMessageBatch');
        await queue.schedule(soon);
        if (later.length && failing('scheduler')) throw unavailable('CreateSchedule');
        await queue.schedule(later);
      },
    },
    desktops: {
      send: async () => {
        if (failing('apiGatewayManagement')) throw unavailable('PostToConnection');
      },
      reportFailure: () => pushesFailed++,
    },
  });
  voice?.wire(router);
  const current = makeHandler(() => router);
  // A version before the entry format existed reads none of what today's writers write.
  const behind = makeHandler(() => router, entryReader(0));
  const context = localLambdaContext('OutboxDispatch');
  const mapping = new LocalStreamMapping(
    (() => {
      const reader = new LocalStreamReader(localClientConfig(options.endpoint), table);
      return () => reader.read();
    })(),
    (event) => (failing('dispatcherBehind') ? behind : current)(event, context),
    DEPLOYED_MAPPING,
    () => clock.now(),
  );
  const audit = new LocalStreamReader(localClientConfig(options.endpoint), table);
  const committed = { events: new Set<string>(), timers: new Set<string>() };
  const fired = new Set<string>();
  let failedBatches = 0;
  let setAsidePeak = 0;

  const reps = DRILL_REPS;
  let calls = 0;
  for (const repId of reps) await router.logIn({ repId, statusId: 'available' });
  const items: string[] = [];
  const acceptedAt = new Map<string, number>();
  const spacing = (options.minutes * 60_000) / options.items;
  const recoveredAt = Math.max(T0, ...failures.map((f) => T0 + (f.fromMinute + f.minutes) * 60_000));
  const endAt = Math.max(T0 + options.minutes * 60_000, recoveredAt) + 30 * 60_000;

  // What the dispatcher's Connect calls set off comes back as Connect's events, whose handlers commit more.
  const deliver = async () => {
    for (let round = 0; round < 10; round++) {
      const pumped = await mapping.pump();
      if (pumped.failedBatch) failedBatches++;
      await voice?.settle();
      if (!voice || (voice.pending() === 0 && mapping.backlog === 0 && pumped.invocations === 0)) return;
    }
  };
  // Read once at the end: the stream keeps every record of the run (24 hours).
  const audited = async () => {
    for (const r of await audit.read()) {
      let entry: ReturnType<typeof outboxOf>;
      try {
        entry = outboxOf(r.dynamodb as never);
      } catch {
        continue; // The poison record: it commits nothing.
      }
      for (const e of entry?.events ?? []) committed.events.add((e as DispatchedEvent).eventId);
      for (const t of entry?.timers ?? []) committed.timers.add(timerKey(t));
    }
  };
  const actAsReps = async () => {
    for (const repId of reps) {
      for (const item of await store.heldItems(repId)) {
        // Calls are answered and ended in Connect (the emulator's agents), never through the router's commands.
        if (item.channel === 'voice') continue;
        if (item.state === 'Offered' && item.reservation)
          await router.accept({ itemId: item.id, offerId: item.reservation.offerId }).catch(() => undefined);
        const since = acceptedAt.get(item.id) ?? clock.now();
        if (item.state === 'Assigned') acceptedAt.set(item.id, since);
        if (item.state === 'Assigned' && clock.now() - since >= 60_000)
          await router.complete({ itemId: item.id }).catch(() => undefined);
      }
    }
  };
  let minute = -1;
  for (let now = T0; now <= endAt; now += STEP_MS) {
    clock.set(now);
    while (items.length < options.items && T0 + items.length * spacing <= now) {
      const n = items.length + 1;
      if (voice && n % options.callEvery! === 0) {
        // The inbound flow hands the call off and parks it; the router's item is found by the contact id.
        const contactId = await voice.call();
        calls++;
        items.push((await store.itemIdForSource('voice', contactId))!);
      } else {
        const out = await router.submitWork({ channel: 'chat', source: `chat-${n}`, queue: 'chat-q' });
        items.push(out.decision.itemId);
      }
      if (options.poison && n === Math.ceil(options.items / 2)) await writePoison(raw, table, now);
    }
    await deliver();
    for (const t of queue.takeDue(now)) {
      fired.add(timerKey(t));
      await router.fireTimer(t);
    }
    await actAsReps();
    voice?.hangUpAfter(60_000);
    await deliver();
    if (Math.floor((now - T0) / 60_000) !== minute) {
      minute = Math.floor((now - T0) / 60_000);
      // What the stack runs every minute: the scheduled redrive (with backoff) and the sweeper.
      await router.redrive(readOutboxEntry, { backOff: true });
      await router.sweep();
      const kept = await setAside.count();
      setAsidePeak = Math.max(setAsidePeak, kept.transient + kept.rejected + kept.unreadable);
    }
    const settled = now >= recoveredAt && items.length === options.items && !queue.size && minute % 5 === 0;
    if (settled && (await idle(store, reps))) break;
  }
  // The operator's redrive after recovery: everything still set aside, now.
  await router.redrive(readOutboxEntry);
  await deliver();
  await audited();
  const published = new Set(log.events.map((e) => (e as DispatchedEvent).eventId));
  const missing = [...committed.events].filter((id) => !published.has(id));
  const unfired = [...committed.timers].filter((k) => !fired.has(k) && !queue.all().some((t) => timerKey(t) === k));
  const report: DrillReport = {
    items: items.length,
    committedEvents: committed.events.size,
    publishedEvents: [...committed.events].filter((id) => published.has(id)).length,
    missingEvents: missing.length,
    committedTimers: committed.timers.size,
    firedTimers: [...committed.timers].filter((k) => fired.has(k)).length,
    unfiredTimers: unfired.length,
    stuckItems: await stuck(store, items),
    setAsidePeak,
    setAsideLeft: await setAside.count(),
    toFailureDestination: mapping.failed.length,
    failedBatches,
    pushesFailed,
    calls,
    connectTargeted: voice?.targeted() ?? 0,
  };
  await voice?.stop();
  raw.destroy();
  return report;
}

async function stuck(store: DynamoRoutingStore, items: readonly string[]): Promise<number> {
  let n = 0;
  for (const id of items) {
    const state = (await store.getItem(id))?.state;
    if (state !== 'Completed' && state !== 'Canceled') n++;
  }
  return n;
}

/** Nothing held by a rep and nothing waiting: every item reached its end (checked item by item in the report). */
async function idle(store: DynamoRoutingStore, reps: readonly string[]): Promise<boolean> {
  for (const repId of reps) if ((await store.heldItems(repId)).length) return false;
  for (const queueId of ['chat-q', 'chat-overflow', 'voice-q'])
    if ((await store.waitingItems({ kind: 'queue', queueId }, 1)).items.length) return false;
  return true;
}

/** A row whose outbox no version can read (its events are not a list), as a broken writer would leave. */
async function writePoison(raw: DynamoDBClient, table: string, at: number): Promise<void> {
  const entry = JSON.stringify({ v: 1, id: 'item#poison@1', at, events: 'not a list', timers: [], followUps: [] });
  await raw.send(
    new PutItemCommand({
      TableName: table,
      Item: { pk: { S: 'WORK#poison' }, sk: { S: 'ITEM' }, outbox: { S: entry } },
    }),
  );
}
