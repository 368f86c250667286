import type { RoutingStore } from '../../lambdas/domain/ports';
import { transferCenter } from '../fixtures/transfer-center';
import { compiled, endState, noViolations } from '../support/end-state';
import { type Harness, makeHarness } from '../support/harness';

/**
 * Every use case that reads an item and then the rep holding it, overtaken in between: another writer releases
 * the reservation after the item read and before the rep read. The loser must retry on fresh state and return a
 * value (stale, or what the fresh state allows), never "capacity release below zero" (semantics §1, §4).
 */
const center = () => {
  const base = transferCenter();
  return { ...base, channels: base.channels.map((c) => (c.name === 'case' ? { ...c, wrapUpSeconds: 10 } : c)) };
};
const config = compiled(center());

type Case = {
  readonly name: string;
  readonly setup: (h: Harness) => Promise<string>;
  readonly winner: (h: Harness, itemId: string) => Promise<unknown>;
  readonly loser: (h: Harness, itemId: string) => Promise<{ decision: { kind: string } }>;
  readonly loserKind: string;
};

async function offered(h: Harness, channel = 'chat'): Promise<string> {
  await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
  return (await h.router.submitWork({ channel, source: 's1', queue: `${channel}-q` })).decision.itemId;
}
async function assigned(h: Harness, channel = 'chat'): Promise<string> {
  const itemId = await offered(h, channel);
  await h.router.accept({ itemId, repId: 'rep-a' });
  return itemId;
}
async function inWrapUp(h: Harness): Promise<string> {
  const itemId = await assigned(h, 'case');
  await h.router.complete({ itemId, repId: 'rep-a' });
  return itemId;
}
async function dialedCallback(h: Harness): Promise<string> {
  await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
  const { itemId } = (
    await h.router.requestCallback({ source: 'cb', queue: 'callback-q', phoneNumber: '+15551234567' })
  ).decision;
  await h.router.accept({ itemId, repId: 'rep-a' });
  return itemId;
}

const cases: Case[] = [
  {
    name: 'decline overtaken by the push timeout',
    setup: (h) => offered(h),
    winner: (h, itemId) => h.router.timeOut({ itemId }),
    loser: (h, itemId) => h.router.decline({ itemId, repId: 'rep-a' }),
    loserKind: 'stale',
  },
  {
    name: 'push timeout overtaken by a decline',
    setup: (h) => offered(h),
    winner: (h, itemId) => h.router.decline({ itemId, repId: 'rep-a' }),
    loser: (h, itemId) => h.router.timeOut({ itemId }),
    loserKind: 'stale',
  },
  {
    name: 'cancel of an offered item overtaken by a decline (then canceled from the queue)',
    setup: (h) => offered(h),
    winner: (h, itemId) => h.router.decline({ itemId, repId: 'rep-a' }),
    loser: (h, itemId) => h.router.cancel({ itemId, reason: 'abandoned' }),
    loserKind: 'canceled',
  },
  {
    name: 'complete overtaken by a repeated complete',
    setup: (h) => assigned(h),
    winner: (h, itemId) => h.router.complete({ itemId, repId: 'rep-a' }),
    loser: (h, itemId) => h.router.complete({ itemId, repId: 'rep-a' }),
    loserKind: 'stale',
  },
  {
    name: 'end of wrap-up overtaken by its timer',
    setup: (h) => inWrapUp(h),
    winner: (h, itemId) => h.router.endWrapUp({ itemId }),
    loser: (h, itemId) => h.router.endWrapUp({ itemId, repId: 'rep-a' }),
    loserKind: 'stale',
  },
  {
    name: 'a callback not reached, overtaken by the same outcome from the rep',
    setup: (h) => dialedCallback(h),
    winner: (h, itemId) => h.router.recordDialOutcome({ itemId, outcome: 'noAnswer' }),
    loser: (h, itemId) => h.router.recordDialOutcome({ itemId, outcome: 'noAnswer' }),
    loserKind: 'stale',
  },
];

/** A store whose next getRep first lets `overtake` run to completion: the winner commits between our two reads. */
function overtakingStore(store: RoutingStore, hook: { overtake?: () => Promise<unknown> }): RoutingStore {
  return Object.assign(Object.create(store) as RoutingStore, {
    getRep: async (repId: string) => {
      const run = hook.overtake;
      hook.overtake = undefined;
      await run?.();
      return store.getRep(repId);
    },
  });
}

describe('use cases overtaken between the item read and the rep read (semantics §1, §4)', () => {
  it.each(cases)('$name', async ({ setup, winner, loser, loserKind }) => {
    const hook: { overtake?: () => Promise<unknown> } = {};
    const h = await makeHarness(center(), { ports: (deps) => ({ ...deps, store: overtakingStore(deps.store, hook) }) });
    const itemId = await setup(h);
    let won = false;
    hook.overtake = async () => {
      await winner(h, itemId);
      won = true;
    };
    const outcome = await loser(h, itemId);
    expect(won).toBe(true);
    expect(outcome.decision.kind).toBe(loserKind);
    expect((await endState(h, config)).report).toEqual(noViolations);
  });
});
