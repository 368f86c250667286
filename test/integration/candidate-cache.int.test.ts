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
  // Every commit and single-rep read router A makes, counted where they reach the store.
  const made = { commits: 0, repReads: 0 };
  const second = (n: 'a' | 'b') => {
    const store = new DynamoRoutingStore(documentClient(localClientConfig(endpoint())), h.table);
    const commit = store.commit.bind(store);
    const getRep = store.getRep.bind(store);
    store.commit = (writes, outbox) => {
      if (n === 'a') made.commits++;
      return commit(writes, outbox).catch((e: unknown) => {
        if (e instanceof ConflictError) refused[n]++;
        throw e;
      });
    };
    store.getRep = (repId) => {
      if (n === 'a') made.repReads++;
      return getRep(repId);
    };
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
  /** What router A spent on `call`: its commits (refused ones included) and its reads of a single rep. */
  const spent = async <T>(call: () => Promise<T>) => {
    const before = { ...made };
    const result = await call();
    return { result, commits: made.commits - before.commits, repReads: made.repReads - before.repReads };
  };
  return { h, a: second('a'), b: second('b'), refused, spent };
}

describe("candidate cache (semantics §13: candidates may be slightly stale; the rep's commit decides)", () => {
  it('a rep filled by another router is refused at commit, re-read, and the item goes to the next rep', async () => {
    const { h, a, b, refused, spent } = await twoRouters();
    for (const repId of ['rep-a', 'rep-b']) await a.logIn({ repId, statusId: 'available' });
    // Router A's first call goes to one of them and fills A's cache of group g1 (the other free).
    const warm = (await a.submitWork({ channel: 'voice', source: 'warm', queue: 'voice-q' })).decision.routing;
    const other = warm?.kind === 'offered' && warm.repId === 'rep-a' ? 'rep-b' : 'rep-a';
    // Router B gives the other a call, and logs rep-c in; A's cache still shows the other free, and no rep-c.
    expect(
      (await b.submitWork({ channel: 'voice', source: 'b-call', queue: 'voice-q' })).decision.routing,
    ).toMatchObject({ repId: other });
    await b.logIn({ repId: 'rep-c', statusId: 'available' });
    // A picks the other from its cache, the capacity guard refuses, A reads the group afresh and offers to rep-c:
    // still the arrival's one transaction (the item created offered), and no read of the refused rep alone.
    const mine = await spent(() => a.submitWork({ channel: 'voice', source: 'a-call', queue: 'voice-q' }));
    expect(mine.result.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-c' });
    expect(refused.a).toBe(1);
    expect({ commits: mine.commits, repReads: mine.repReads }).toEqual({ commits: 2, repReads: 0 });
    const end = await endState(h, compiled(smallCenter()));
    expect(end.report).toEqual(noViolations);
    expect(Object.values(end.reps).map((r) => r.used.primary)).toEqual([100, 100, 100]);
  });

  it('near full, stale entries cost one refused commit and one fresh read, not a refused commit each', async () => {
    const { h, a, b, refused, spent } = await twoRouters();
    for (const repId of ['rep-a', 'rep-b', 'rep-c']) await a.logIn({ repId, statusId: 'available' });
    await a.submitWork({ channel: 'voice', source: 'warm', queue: 'voice-q' });
    // B fills the two reps A's cache still shows free.
    for (const source of ['b-1', 'b-2'])
      expect((await b.submitWork({ channel: 'voice', source, queue: 'voice-q' })).decision.routing).toMatchObject({
        kind: 'offered',
      });
    const mine = await spent(() => a.submitWork({ channel: 'voice', source: 'a-call', queue: 'voice-q' }));
    expect(mine.result.decision.routing).toMatchObject({ kind: 'waiting', reason: 'noEligibleRep' });
    // The first stale pick is refused; the fresh read shows nobody free, and the call is stored waiting.
    expect(refused.a).toBe(1);
    expect({ commits: mine.commits, repReads: mine.repReads }).toEqual({ commits: 2, repReads: 0 });
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
    cache.put('g', { reps: [rep] }, 0);
    expect(cache.get('g', 999)).toEqual({ reps: [rep] });
    expect(cache.get('g', 1_000)).toBeUndefined();
    cache.put('g', { reps: [] }, 2_000);
    cache.update({ ...rep, repId: 'r2' });
    expect(cache.get('g', 2_001)!.reps.map((r) => r.repId)).toEqual(['r2']);
    cache.update({ ...rep, repId: 'r2', sessionId: undefined, statusChannels: [] });
    expect(cache.get('g', 2_002)!.reps).toEqual([]);
    // A head of one order keeps its boundary, apart from the whole group's entry.
    cache.put('g', { reps: [rep], boundary: 42 }, 3_000, 'free');
    expect(cache.get('g', 3_001, 'free')).toEqual({ reps: [rep], boundary: 42 });
    expect(cache.get('g', 3_001, 'active')).toBeUndefined();
  });
});
