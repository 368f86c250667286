import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, localClientConfig } from '../lambdas/adapters/dynamodb/client';
import { itemToRow, repToRow } from '../lambdas/adapters/dynamodb/mappers';
import { CompiledConfig } from '../lambdas/domain/config/compiled-config';
import { rankKey } from '../lambdas/domain/routing/ordering';
import type { WorkItem } from '../lambdas/domain/routing/work-item';
import { loadConfiguration } from '../lambdas/domain/use-cases/configure';
import { type BenchCenterShape, benchCenter, groupId, queueId, repId } from './center';
import type { RequestCounts } from './request-meter';
import { configStore, meter, newTable, router, warmConfig } from './rig';

export interface ScaleShape extends BenchCenterShape {
  readonly waiting: number;
}

export interface DecisionCost {
  readonly ms: number;
  readonly requests: number;
  /** Read capacity units DynamoDB reported, per decision. */
  readonly readUnits: number;
}
export interface ScaleResult {
  readonly pull: DecisionCost;
  readonly push: DecisionCost;
  readonly setupSeconds: number;
}

/** Writes rows 25 at a time from `writers` concurrent clients, retrying what DynamoDB left unprocessed. */
async function load(endpoint: string, table: string, rows: Record<string, unknown>[], writers = 8): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const db = documentClient(localClientConfig(endpoint));
      while (next < rows.length) {
        let batch = rows.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
        next += 25;
        while (batch.length) {
          const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: batch } }));
          batch = (out.UnprocessedItems?.[table] ?? []) as typeof batch;
        }
      }
    }),
  );
}

/** The state of a busy center, written directly (setup, not what is measured): reps logged in, work waiting. */
async function setUp(endpoint: string, shape: ScaleShape) {
  const table = await newTable(endpoint);
  // No candidate cache: every decision pays its full cost, which is what the ratio compares.
  const r = router(endpoint, table, 0, undefined, false);
  const config = new CompiledConfig(await loadConfiguration(configStore(endpoint, table), benchCenter(shape)));
  const reps = config.raw.reps.map((rep, i) =>
    repToRow(
      {
        repId: rep.id,
        groupId: rep.group,
        sessionId: `session-${i}`,
        statusId: 'available',
        statusChannels: ['chat'],
        used: { primary: 0, interruptible: 0 },
        activeItems: 0,
        lastOfferAt: 0,
        presenceVersion: 1,
      },
      { primary: 100, interruptible: 100 },
      config.availabilityOrders,
    ),
  );
  const t0 = Date.now() - 3_600_000;
  const items = Array.from({ length: shape.waiting }, (_, k): Record<string, unknown> => {
    const queue = config.queue(queueId(k % shape.groups));
    const item: WorkItem = {
      id: `wait-${k}`,
      channel: 'chat',
      source: `wait-${k}`,
      queueId: queue.id,
      target: { kind: 'queue' },
      interruptible: false,
      requestedAt: t0 + k,
      targetSince: t0 + k,
      attributes: {},
      state: 'Queued',
      version: 1,
      exclusions: [],
      relaxedSkills: [],
      offers: 0,
    };
    return itemToRow(item, rankKey(item, queue));
  });
  await load(endpoint, table, [...reps, ...items]);
  return { table, router: r };
}

/**
 * The cost of one routing decision in a center of `shape`: a rep who freed capacity pulls the head of its
 * queue (pull), and a new arrival is offered to a rep of the group serving its queue (push). Averages over
 * `samples` decisions, each on a different group where there are several.
 */
export async function decisionCost(endpoint: string, shape: ScaleShape, samples: number): Promise<ScaleResult> {
  const setupStarted = performance.now();
  const { router: r } = await setUp(endpoint, shape);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  await warmConfig(r);
  const pull = { ms: 0, requests: 0, readUnits: 0 };
  const push = { ms: 0, requests: 0, readUnits: 0 };
  // Reps already given work (by a pull or a push): a pull needs a rep with room.
  const busy = new Set<string>();
  const nextIdle = new Map<number, number>();
  for (let s = 0; s < samples; s++) {
    const g = s % shape.groups;
    // Pulls take idle reps from the top of each group; pushes go wherever the ties send them.
    let rep: string;
    do {
      const i = nextIdle.get(g) ?? shape.repsPerGroup - 1;
      nextIdle.set(g, i - 1);
      rep = repId(g, i);
    } while (busy.has(rep));
    busy.add(rep);
    meter.take();
    let t = performance.now();
    const pulled = await r.findWorkForRep(rep);
    pull.ms += performance.now() - t;
    add(pull, meter.take());
    if (pulled.decision.offers.length !== 1)
      throw new Error(`bench: ${rep} pulled ${pulled.decision.offers.length} items, expected 1`);
    t = performance.now();
    const pushed = await r.submitWork({ channel: 'chat', source: `arrival-${s}`, queue: queueId(g) });
    push.ms += performance.now() - t;
    add(push, meter.take());
    if (pushed.decision.routing?.kind !== 'offered') throw new Error(`bench: arrival in ${groupId(g)} was not offered`);
    busy.add(pushed.decision.routing.repId);
  }
  const avg = (c: DecisionCost) => ({
    ms: c.ms / samples,
    requests: c.requests / samples,
    readUnits: c.readUnits / samples,
  });
  return { pull: avg(pull), push: avg(push), setupSeconds };
}

function add(cost: { requests: number; readUnits: number }, c: RequestCounts): void {
  cost.requests += c.reads + c.writes;
  cost.readUnits += c.readUnits;
}
