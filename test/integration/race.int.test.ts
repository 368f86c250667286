import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { EventLog, ManualClock, SequentialIds, TimerQueue } from '../../lambdas/adapters/local/in-process';
import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { ContentionError } from '../../lambdas/domain/errors';
import { checkInvariants } from '../../lambdas/domain/routing/invariants';
import { CANDIDATE_CACHE_MS, CandidateCache } from '../../lambdas/domain/use-cases/candidate-cache';
import { StoreConfigProvider } from '../../lambdas/domain/use-cases/config-provider';
import { loadConfiguration } from '../../lambdas/domain/use-cases/configure';
import { Router } from '../../lambdas/domain/use-cases/router';
import { endpoint, freshTable, snapshot, T0 } from '../support/harness';

const ROUTERS = 8;
const ITEMS = Number(process.env.RACE_ITEMS ?? 2000);
const REPS = 12;

/**
 * Few reps, four chats each, auto-accept on: every routing decision contends for the same handful of rep rows,
 * and the desktops only have to finish work (accepts are single conditional writes, covered elsewhere).
 */
const contendedCenter = {
  name: 'race',
  channels: [{ name: 'chat', realTime: true }],
  queues: [
    {
      id: 'chat-q',
      channel: 'chat',
      priority: 1,
      routingModel: 'MostAvailable',
      pushTimeoutSeconds: 0,
      size: { units: 25 },
    },
  ],
  statuses: [{ id: 'available', name: 'Available', channels: ['chat'] }],
  presenceConfigs: [{ id: 'std', capacity: 100, autoAccept: true }],
  groups: [{ id: 'g', name: 'G', presenceConfig: 'std' }],
  reps: Array.from({ length: REPS }, (_, i) => ({ id: `rep-${i}`, group: 'g', queues: ['chat-q'] })),
};

/** Like a Lambda redelivery: a call that gave up under contention is simply made again. */
async function persist<T>(call: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof ContentionError)) throw e;
    }
  }
}

describe('routers racing for the same reps (semantics §1)', () => {
  it(`${ROUTERS} routers route ${ITEMS} items: 0 over-commits, 0 double offers, 0 lost items`, async () => {
    const { table, configs, raw } = await freshTable();
    const config = new CompiledConfig(await loadConfiguration(configs, contendedCenter));
    const events = new EventLog();
    const stats = { commits: 0, conflicts: 0, reads: 0 };
    // Each router has its own DynamoDB client, as separate Lambda instances would.
    const routers = Array.from({ length: ROUTERS }, (_, n) => {
      const own = new DynamoRoutingStore(documentClient(localClientConfig(endpoint(), 5)), table);
      const commit = own.commit.bind(own);
      own.commit = async (w) => {
        stats.commits++;
        try {
          await commit(w);
        } catch (e) {
          stats.conflicts++;
          throw e;
        }
      };
      const reads = ['getItem', 'getRep', 'waitingItems', 'availableReps', 'itemIdForSource', 'heldItems'] as const;
      for (const m of reads) {
        const f = (own[m] as (...a: unknown[]) => Promise<unknown>).bind(own);
        (own as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          stats.reads++;
          return f(...a);
        };
      }
      const clock = new ManualClock(T0);
      // Half the routers cache candidates, as deployed. Their clock never moves, so their caches are as stale as
      // they can get: only the commit on the rep keeps capacity exact.
      const candidates = n % 2 === 0 ? { candidates: new CandidateCache(CANDIDATE_CACHE_MS) } : {};
      return new Router({
        store: own,
        clock,
        ids: new SequentialIds(`r${n}-`),
        events,
        timers: new TimerQueue(),
        config: new StoreConfigProvider(configs, clock, Number.POSITIVE_INFINITY),
        ...candidates,
      });
    });
    for (let i = 0; i < REPS; i++) await routers[0]!.logIn({ repId: `rep-${i}` });
    const submitted: string[] = [];
    let completed = 0;

    // Every rep's desktop finishes its work through a different router than the one that assigned it;
    // each completion pulls the next waiting item for that rep.
    const desktopWork: Promise<void>[] = [];
    events.onEvent((e) => {
      if (e.type !== 'work.assigned') return;
      const router = routers[(Number(e.repId.split('-')[1]) * 3) % ROUTERS]!;
      desktopWork.push(
        (async () => {
          const done = await persist(() => router.complete({ itemId: e.itemId }));
          if (done.decision.kind === 'completed') completed++;
        })(),
      );
    });
    const progress = setInterval(
      () =>
        process.env.RACE_DEBUG &&
        console.log(`submitted ${submitted.length} completed ${completed} ${JSON.stringify(stats)}`),
      2000,
    );
    // Meanwhile 8 routers submit (and push-route) at once.
    await Promise.all(
      routers.map(async (router, n) => {
        for (let k = n; k < ITEMS; k += ROUTERS) {
          const r = await persist(() => router.submitWork({ channel: 'chat', source: `chat-${k}`, queue: 'chat-q' }));
          submitted.push(r.decision.itemId);
        }
      }),
    );
    for (let settled = 0; settled < desktopWork.length; ) {
      const batch = desktopWork.slice(settled);
      await Promise.all(batch);
      settled += batch.length;
    }
    clearInterval(progress);

    const { items, reps, isWaiting } = await snapshot(raw, table);
    const report = checkInvariants({ items, reps, config, submitted, events: events.events, isWaiting });
    expect(report).toEqual({ capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0, capacityLeaks: 0, details: [] });
    expect(new Set(submitted).size).toBe(ITEMS);
    expect(items.filter((i) => i.state === 'Completed')).toHaveLength(ITEMS);
    expect(reps.every((r) => r.used.primary === 0 && r.activeItems === 0)).toBe(true);
    expect(events.ofType('offer.created').length).toBeGreaterThanOrEqual(ITEMS);
    // The race was real: routers lost writes to each other and recovered.
    expect(stats.conflicts).toBeGreaterThan(0);
  }, 600_000);
});
