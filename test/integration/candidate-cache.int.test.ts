import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoConfigStore } from '../../lambdas/adapters/dynamodb/dynamo-config-store';
import { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { EventLog, SequentialIds, TimerQueue } from '../../lambdas/adapters/local/in-process';
import { ConflictError } from '../../lambdas/domain/errors';
import { CandidateCache } from '../../lambdas/domain/use-cases/candidate-cache';
import { StoreConfigProvider } from '../../lambdas/domain/use-cases/config-provider';
import { Router } from '../../lambdas/domain/use-cases/router';
import { smallCenter } from '../fixtures/small-center';
import { compiled, endState, noViolations } from '../support/end-state';
import { endpoint, makeHarness } from '../support/harness';

/** Two routers on one table, each with its own candidate cache (as two Lambda containers would have). */
async function twoRouters() {
  const h = await makeHarness(smallCenter());
  const refused = { a: 0, b: 0 };
  const second = (n: 'a' | 'b') => {
    const store = new DynamoRoutingStore(documentClient(localClientConfig(endpoint())), h.table);
    const commit = store.commit.bind(store);
    store.commit = (writes) =>
      commit(writes).catch((e: unknown) => {
        if (e instanceof ConflictError) refused[n]++;
        throw e;
      });
    return new Router({
      store,
      clock: h.clock,
      ids: new SequentialIds(`${n}-`),
      events: new EventLog(),
      timers: new TimerQueue(),
      config: new StoreConfigProvider(
        new DynamoConfigStore(documentClient(localClientConfig(endpoint())), h.table),
        h.clock,
      ),
      candidates: new CandidateCache(60_000),
    });
  };
  return { h, a: second('a'), b: second('b'), refused };
}

describe("candidate cache (semantics §13: candidates may be slightly stale; the rep's commit decides)", () => {
  it('a rep filled by another router is refused at commit, re-read, and the item goes to the next rep', async () => {
    const { h, a, b, refused } = await twoRouters();
    for (const repId of ['rep-a', 'rep-b', 'rep-c']) await a.logIn({ repId, statusId: 'available' });
    // Router A's first call goes to rep-a and fills A's cache of group g1 (rep-b and rep-c free).
    expect((await a.submitWork({ channel: 'voice', source: 'warm', queue: 'voice-q' })).decision.routing).toMatchObject(
      { repId: 'rep-a' },
    );
    // Router B gives rep-b a call; A's cache still shows rep-b free.
    expect(
      (await b.submitWork({ channel: 'voice', source: 'b-call', queue: 'voice-q' })).decision.routing,
    ).toMatchObject({ repId: 'rep-b' });
    // A picks rep-b from its cache, the capacity guard refuses, A re-reads rep-b and offers to rep-c.
    const mine = await a.submitWork({ channel: 'voice', source: 'a-call', queue: 'voice-q' });
    expect(mine.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-c' });
    expect(refused.a).toBe(1);
    const end = await endState(h, compiled(smallCenter()));
    expect(end.report).toEqual(noViolations);
    expect(Object.values(end.reps).map((r) => r.used.primary)).toEqual([100, 100, 100]);
  });

  it('never concludes "nobody can take it" from the cache: a rep logged in elsewhere is found', async () => {
    const { h, a, b } = await twoRouters();
    await a.logIn({ repId: 'rep-a', statusId: 'busy' });
    expect((await a.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' })).decision.routing).toMatchObject({
      kind: 'waiting',
    });
    // rep-c logs in through router B; A's cached list of g1 does not have them.
    await b.logIn({ repId: 'rep-c', statusId: 'digital' });
    await b.changeStatus({ repId: 'rep-c', statusId: 'busy' }); // nothing to pull for them yet
    await b.changeStatus({ repId: 'rep-c', statusId: 'digital' });
    const next = await a.submitWork({ channel: 'chat', source: 'c2', queue: 'chat-q' });
    expect(next.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-c' });
    expect((await endState(h, compiled(smallCenter()))).report).toEqual(noViolations);
  });

  it("expires after its time, and follows its own router's presence changes at once", () => {
    const cache = new CandidateCache(1_000);
    const rep = {
      repId: 'r1',
      groupId: 'g',
      sessionId: 's',
      statusChannels: ['chat'],
      used: { primary: 0, interruptible: 0 },
      activeItems: 0,
      lastOfferAt: 0,
      presenceVersion: 1,
    };
    cache.put('g', [rep], 0);
    expect(cache.get('g', 999)).toEqual([rep]);
    expect(cache.get('g', 1_000)).toBeUndefined();
    cache.put('g', [], 2_000);
    cache.update({ ...rep, repId: 'r2' });
    expect(cache.get('g', 2_001)!.map((r) => r.repId)).toEqual(['r2']);
    cache.update({ ...rep, repId: 'r2', sessionId: undefined, statusChannels: [] });
    expect(cache.get('g', 2_002)).toEqual([]);
  });
});
