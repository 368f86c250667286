import { type CrashCase, crashCases } from '../fixtures/crash-cases';
import { faultCenter } from '../fixtures/fault-center';
import { compiled, endState, noViolations, settle } from '../support/end-state';
import { DynamoFaults, InjectedCrash, SideEffectFaults } from '../support/faults';
import { makeHarness } from '../support/harness';

const config = compiled(faultCenter());

async function harness() {
  const db = new DynamoFaults();
  const side = new SideEffectFaults();
  const h = await makeHarness(faultCenter(), { db: db.client, ports: side.ports });
  return { h, db, side };
}

/** Runs the case with a crash at one point, redelivers the same call (Lambda, SQS and EventBridge retry), recovers. */
async function crashAt(c: CrashCase, point: { db?: number; side?: number }) {
  const { h, db, side } = await harness();
  const ctx = await c.setup(h);
  if (point.db !== undefined) db.crashIn(point.db);
  if (point.side !== undefined) side.crashIn(point.side);
  const crashed = await c.op(h, ctx).then(
    () => false,
    (err) => {
      if (err instanceof InjectedCrash) return true;
      throw err;
    },
  );
  db.clear();
  side.clear();
  await c.op(h, ctx);
  await settle(h);
  return { crashed, end: await endState(h, config) };
}

describe('a crash between any two steps of every use case (issue: fault tolerance)', () => {
  it.each(crashCases.map((c) => [c.name, c] as const))(
    '%s: recovers to the fault-free end state from every crash point',
    async (_name, c) => {
      const { h, db, side } = await harness();
      const ctx = await c.setup(h);
      const [db0, side0] = [db.calls, side.calls];
      await c.op(h, ctx);
      const points = [
        ...Array.from({ length: db.calls - db0 }, (_, k) => ({ db: k })),
        ...Array.from({ length: side.calls - side0 }, (_, k) => ({ side: k })),
      ];
      await settle(h);
      const expected = await endState(h, config);
      expect(expected.report).toEqual(noViolations);
      expect(points.length).toBeGreaterThan(1);
      for (let i = 0; i < points.length; i += 8) {
        const runs = await Promise.all(points.slice(i, i + 8).map(async (p) => ({ p, ...(await crashAt(c, p)) })));
        for (const run of runs) {
          expect({ point: run.p, crashed: run.crashed }).toEqual({ point: run.p, crashed: true });
          expect({ point: run.p, ...run.end }).toEqual({ point: run.p, ...expected });
        }
      }
    },
  );
});
