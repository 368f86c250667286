import { localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { entriesOf, LocalStreamReader } from '../../lambdas/adapters/local/stream-reader';
import type { DispatchedEvent } from '../../lambdas/domain/routing/outbox';
import { type CrashCase, crashCases } from '../fixtures/crash-cases';
import { faultCenter } from '../fixtures/fault-center';
import { compiled, endState, noViolations, settle } from '../support/end-state';
import { DynamoFaults, InjectedCrash, SideEffectFaults } from '../support/faults';
import { endpoint, type Harness, makeHarness } from '../support/harness';

const config = compiled(faultCenter());
/** What one case may take: its time grows with its number of crash points (see the case's comment below). */
const CASE_TIMEOUT_MS = 360_000;

/** Delivered as deployed: only from the table's stream, so the crash points include the dispatcher's own steps. */
async function harness() {
  const db = new DynamoFaults();
  const side = new SideEffectFaults();
  const h = await makeHarness(faultCenter(), { db: db.client, ports: side.ports, delivery: 'outbox' });
  return { h, db, side };
}

/** The use case, then the stream's delivery of what it committed (the dispatcher Lambda's turn). */
async function run(c: CrashCase, h: Harness, ctx: Awaited<ReturnType<CrashCase['setup']>>) {
  await c.op(h, ctx);
  await h.drain();
}

/**
 * What subscribers got, against what was committed: every event of every outbox entry on the stream (read again
 * from its start) must have been published, by id; repeats must be identical; each item's entries have distinct
 * versions, so per-item order is recoverable by itemVersion.
 */
async function subscriberView(h: Harness) {
  const committed = entriesOf(await new LocalStreamReader(localClientConfig(endpoint()), h.table).read());
  const published = new Map<string, string>();
  let differing = 0;
  for (const e of h.events.events as DispatchedEvent[]) {
    const json = JSON.stringify(e);
    if ((published.get(e.eventId) ?? json) !== json) differing++;
    published.set(e.eventId, json);
  }
  const missing = committed.flatMap((entry) => entry.events.filter((e) => !published.has(e.eventId)));
  const versions = new Map<string, Set<number>>();
  let sharedVersions = 0;
  for (const entry of committed) {
    const m = /^item#(.+)@(\d+)$/.exec(entry.id);
    if (!m) continue;
    const seen = versions.get(m[1]!) ?? new Set<number>();
    if (seen.has(Number(m[2]))) sharedVersions++;
    versions.set(m[1]!, seen.add(Number(m[2])));
  }
  return { missing: missing.map((e) => e.eventId), differing, sharedVersions, committed: committed.length };
}
const delivered = { missing: [], differing: 0, sharedVersions: 0 };

/** Runs the case with a crash at one point, redelivers the same call (Lambda, SQS and EventBridge retry), recovers. */
async function crashAt(c: CrashCase, point: { db?: number; side?: number }) {
  const { h, db, side } = await harness();
  const ctx = await c.setup(h);
  if (point.db !== undefined) db.crashIn(point.db);
  if (point.side !== undefined) side.crashIn(point.side);
  const crashed = await run(c, h, ctx).then(
    () => false,
    (err) => {
      if (err instanceof InjectedCrash) return true;
      throw err;
    },
  );
  db.clear();
  side.clear();
  await run(c, h, ctx);
  await settle(h);
  return { crashed, end: await endState(h, config), subscribers: await subscriberView(h) };
}

describe('a crash between any two steps of every use case, its delivery included (issues: fault tolerance, #13)', () => {
  it.each(crashCases.map((c) => [c.name, c] as const))(
    '%s: recovers to the fault-free end state from every crash point, and subscribers get every event',
    async (_name, c) => {
      const { h, db, side } = await harness();
      const ctx = await c.setup(h);
      const [db0, side0] = [db.calls, side.calls];
      await run(c, h, ctx);
      const points = [
        ...Array.from({ length: db.calls - db0 }, (_, k) => ({ db: k })),
        ...Array.from({ length: side.calls - side0 }, (_, k) => ({ side: k })),
      ];
      await settle(h);
      const expected = await endState(h, config);
      expect(expected.report).toEqual(noViolations);
      expect(await subscriberView(h)).toMatchObject(delivered);
      expect(points.length).toBeGreaterThan(1);
      for (let i = 0; i < points.length; i += 8) {
        const runs = await Promise.all(points.slice(i, i + 8).map(async (p) => ({ p, ...(await crashAt(c, p)) })));
        for (const run of runs) {
          expect({ point: run.p, crashed: run.crashed }).toEqual({ point: run.p, crashed: true });
          expect({ point: run.p, ...run.end }).toEqual({ point: run.p, ...expected });
          expect({ point: run.p, ...run.subscribers }).toMatchObject({ point: run.p, ...delivered });
        }
      }
    },
    // A case runs itself once per crash point, each on a fresh table: the sweeper's, the longest, takes 37 s alone
    // on this 2-core VM on a slow day and over 120 s (the default) with the other worker busy beside it.
    CASE_TIMEOUT_MS,
  );
});
