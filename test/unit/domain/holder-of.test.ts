import { EventLog, ManualClock, SequentialIds, TimerQueue } from '../../../lambdas/adapters/local/in-process';
import { MemoryRoutingStore } from '../../../lambdas/adapters/memory/memory-store';
import { RouterError } from '../../../lambdas/domain/errors';
import { holds } from '../../../lambdas/domain/routing/rep';
import { StoreConfigProvider } from '../../../lambdas/domain/use-cases/config-provider';
import { loadConfiguration } from '../../../lambdas/domain/use-cases/configure';
import type { RouterDeps } from '../../../lambdas/domain/use-cases/deps';
import { holderOf } from '../../../lambdas/domain/use-cases/reads';
import { smallCenter } from '../../fixtures/small-center';
import { aRep, aWorkItem } from '../../support/builders';
import { T0 } from '../../support/harness-time';

const reservation = {
  offerId: 'o1',
  repId: 'rep-a',
  sessionId: 's1',
  pool: 'primary' as const,
  units: 50,
  offeredAt: T0,
  declinable: true,
};
const assigned = aWorkItem({
  id: 'w1',
  state: 'Assigned',
  version: 3,
  reservation: { ...reservation, acceptedAt: T0 },
});

async function depsWith(rep: ReturnType<typeof aRep>, item = assigned) {
  const store = new MemoryRoutingStore();
  await loadConfiguration(store, smallCenter());
  await store.commit([
    {
      kind: 'rep',
      change: {
        repId: rep.repId,
        groupId: rep.groupId,
        pools: {},
        activeDelta: 0,
        limits: { primary: 100, interruptible: 100 },
        expectedPresenceVersion: 0,
        create: rep,
      },
    },
  ]);
  await store.commit([{ kind: 'createItem', item, claimedAt: T0 }]);
  const clock = new ManualClock(T0);
  const deps: RouterDeps = {
    store,
    clock,
    ids: new SequentialIds(),
    events: new EventLog(),
    timers: new TimerQueue(),
    config: new StoreConfigProvider(store, clock),
  };
  return { deps, config: await deps.config.get(), store };
}

describe('reading the rep that holds an item (semantics §1)', () => {
  it('holds: the rep covers the reservation in its pool and has an active item', () => {
    expect(holds(aRep({ used: { primary: 50, interruptible: 0 }, activeItems: 1 }), reservation)).toBe(true);
    expect(holds(aRep({ used: { primary: 40, interruptible: 0 }, activeItems: 1 }), reservation)).toBe(false);
    expect(holds(aRep({ used: { primary: 0, interruptible: 50 }, activeItems: 1 }), reservation)).toBe(false);
    expect(holds(aRep({ used: { primary: 50, interruptible: 0 }, activeItems: 0 }), reservation)).toBe(false);
  });

  it('returns the holder when it covers the reservation', async () => {
    const rep = aRep({ repId: 'rep-a', used: { primary: 50, interruptible: 0 }, activeItems: 1 });
    const { deps, config } = await depsWith(rep);
    expect((await holderOf(deps, config, assigned))?.used.primary).toBe(50);
  });

  it('asks for a retry when the item moved on after it was read (a rival released it)', async () => {
    const rep = aRep({ repId: 'rep-a', used: { primary: 0, interruptible: 0 }, activeItems: 0 });
    const { deps, config, store } = await depsWith(rep);
    const completed = { ...assigned, state: 'Completed' as const, version: 4 };
    await store.commit([{ kind: 'updateItem', item: completed, expectedVersion: 3 }]);
    expect(await holderOf(deps, config, assigned)).toBeUndefined();
  });

  it('is a broken invariant when the item is unchanged and its rep does not hold it', async () => {
    const rep = aRep({ repId: 'rep-a', used: { primary: 0, interruptible: 0 }, activeItems: 0 });
    const { deps, config } = await depsWith(rep);
    await expect(holderOf(deps, config, assigned)).rejects.toThrow(RouterError);
    await expect(holderOf(deps, config, assigned)).rejects.toThrow(/does not hold item w1's reservation/);
  });
});
