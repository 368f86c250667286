import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../lambdas/adapters/dynamodb/keys';
import type { ContactCenterJson } from '../../lambdas/domain/config/schema';
import { availabilityKey } from '../../lambdas/domain/routing/availability';
import { limitsOf } from '../../lambdas/domain/routing/eligibility';
import { smallCenter } from '../fixtures/small-center';
import { compiled } from '../support/builders';
import { liveCenter } from '../support/live-center';

/** The small center (chat LeastActive, cases interruptible: every order read) with chat routed MostAvailable. */
const chatMostAvailable = (): ContactCenterJson => {
  const c = smallCenter();
  return { ...c, queues: c.queues!.map((q) => (q.id === 'chat-q' ? { ...q, routingModel: 'MostAvailable' } : q)) };
};

async function center(initial: ContactCenterJson) {
  const c = await liveCenter(initial);
  const row = async (repId: string) =>
    (await c.db.send(new GetCommand({ TableName: c.h.table, Key: keys.rep(repId) }))).Item!;
  /** What is stored each time the loader waits for routers: the routing model of chat and the orders kept besides. */
  const during: { chat: string; kept?: readonly string[] }[] = [];
  c.settled.during = async () => {
    const stored = (await c.configs.loadConfig())!;
    during.push({ chat: stored.queues.find((q) => q.id === 'chat-q')!.routingModel, kept: stored.keptOrders });
  };
  return { ...c, row, during };
}

const active = keys.availability('active');

describe('a configuration change keeps the availability orders its routers read (semantics §13)', () => {
  it('drops an order no queue reads any more only once no router reads it, and writes then leave its index', async () => {
    const { h, load, settled, configs, freshRouter, row, during } = await center(smallCenter());
    const router = freshRouter();
    await router.logIn({ repId: 'rep-a' });
    expect((await row('rep-a'))[active.sortKey]).toBeDefined();

    await load(chatMostAvailable());
    // While routers on the old configuration may still read fewest-active, the new one keeps that order.
    expect(during).toEqual([{ chat: 'MostAvailable', kept: ['active'] }]);
    expect(settled.times).toBe(1);
    expect((await configs.loadConfig())!.keptOrders).toBeUndefined();

    const { decision } = await router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    expect(decision.routing?.kind).toBe('offered');
    const after = await row('rep-a');
    expect(after[active.sortKey]).toBeUndefined();
    const rep = await h.rep('rep-a');
    expect(after[active.place]).toBe(availabilityKey(rep, limitsOf(compiled(smallCenter()).rep('rep-a')), 'active'));
  });

  it('takes an order up before the configuration that reads it goes in, then routes by it exactly', async () => {
    const { h, load, settled, freshRouter, row, during } = await center(chatMostAvailable());
    const router = freshRouter();
    for (const repId of ['rep-a', 'rep-b']) await router.logIn({ repId });
    // rep-a takes a case (interruptible work, MostAvailable): it holds one item, rep-b none.
    const first = await router.submitWork({ channel: 'case', source: 'crm-1', queue: 'case-q' });
    const busy = first.decision.routing?.kind === 'offered' ? first.decision.routing.repId : undefined;
    expect(busy).toBeDefined();
    for (const repId of ['rep-a', 'rep-b']) expect((await row(repId))[active.sortKey]).toBeUndefined();

    await load(smallCenter());
    // First the old configuration (chat MostAvailable), keeping fewest-active too, until every router keeps it.
    expect(during).toEqual([{ chat: 'MostAvailable', kept: ['free', 'interruptibleFree', 'active'] }]);
    expect(settled.times).toBe(1);
    for (const repId of ['rep-a', 'rep-b']) {
      const r = await row(repId);
      expect(r[active.sortKey]).toBe(r[active.place]);
    }
    const inOrder = await h.store.availableInOrder('g1', 'active', { limit: 10 });
    const idle = busy === 'rep-a' ? 'rep-b' : 'rep-a';
    expect(inOrder.items.map((r) => r.repId)).toEqual([idle, busy]);
    const chat = await router.submitWork({ channel: 'chat', source: 'chat-2', queue: 'chat-q' });
    expect(chat.decision.routing).toMatchObject({ kind: 'offered', repId: idle });
  });

  it('routes work that needs an order the configuration no longer keeps from the whole group, exactly', async () => {
    const { load, freshRouter, during, row } = await center(smallCenter());
    const router = freshRouter();
    for (const repId of ['rep-a', 'rep-b']) await router.logIn({ repId });
    // A case, interruptible work while the pool is on, offered; then the pool is turned off.
    const { decision } = await router.submitWork({ channel: 'case', source: 'crm-2', queue: 'case-q' });
    expect(decision.routing?.kind).toBe('offered');
    const first = decision.routing?.kind === 'offered' ? decision.routing.repId : '';
    await load({ ...smallCenter(), interruptibleCapacityEnabled: false });
    expect(during).toEqual([{ chat: 'LeastActive', kept: ['interruptibleFree'] }]);
    const other = first === 'rep-a' ? 'rep-b' : 'rep-a';
    // A chat (fewest active) for the other rep: the write takes that rep out of the index no order reads any more.
    const chat = await router.submitWork({ channel: 'chat', source: 'chat-3', queue: 'chat-q' });
    expect(chat.decision.routing).toMatchObject({ kind: 'offered', repId: other });
    expect((await row(other))[keys.availability('interruptibleFree').sortKey]).toBeUndefined();
    // Declined: pushed again, in most-free-interruptible order, which no index keeps: read from the whole group.
    const again = await router.decline({ itemId: decision.itemId, repId: first });
    expect(again.decision).toMatchObject({ reroute: { kind: 'offered', repId: other } });
  });

  it('takes an order up again when the change that kept it stopped before its reps were put in', async () => {
    const { h, load, configs, freshRouter, row } = await center(chatMostAvailable());
    const router = freshRouter();
    await router.logIn({ repId: 'rep-a' });
    // The loader stopped (a timeout, a failed deploy) after storing the old configuration keeping fewest-active.
    await configs.saveConfig({ ...(await configs.loadConfig())!, keptOrders: ['free', 'interruptibleFree', 'active'] });
    expect((await row('rep-a'))[active.sortKey]).toBeUndefined();
    await load(smallCenter());
    const r = await row('rep-a');
    expect(r[active.sortKey]).toBe(r[active.place]);
    expect((await h.store.availableInOrder('g1', 'active', { limit: 10 })).items.map((x) => x.repId)).toEqual([
      'rep-a',
    ]);
  });

  it('refuses a change on a table whose rep rows predate places, but lets the configuration in force load again', async () => {
    const { h, db, load, settled, configs } = await center(smallCenter());
    const revision = async () => (await db.send(new GetCommand({ TableName: h.table, Key: keys.configHead() }))).Item!;
    // A rep row as the version before places wrote it.
    await db.send(
      new PutCommand({
        TableName: h.table,
        Item: { ...keys.rep('rep-a'), type: 'Rep', availFree: 5, unitsPrimary: 0 },
      }),
    );
    const head = await revision();
    await expect(load(chatMostAvailable())).rejects.toThrow('rep row REP#rep-a has no availability places');
    expect((await configs.loadConfig())!.queues.find((q) => q.id === 'chat-q')!.routingModel).toBe('LeastActive');
    // CloudFormation's rollback loads the file in force again: nothing to store, nothing to check, so it completes.
    await load(smallCenter());
    expect(await revision()).toEqual(head);
    expect(settled.times).toBe(0);
  });
});
