import { makeHandler as makeContactEvents } from '../../lambdas/handlers/connect-contact-events';
import { answered, connectContactEvent } from '../fixtures/events/connect-contact-event';
import { transferCenter } from '../fixtures/transfer-center';
import { compiled, endState, noViolations } from '../support/end-state';
import { type Harness, makeHarness } from '../support/harness';
import { lambdaContext } from '../support/lambda-context';

const config = compiled(transferCenter());
const ROUNDS = 6;
const context = lambdaContext();
const settled = (p: Promise<unknown>) =>
  p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );

async function check(h: Harness) {
  const end = await endState(h, config);
  expect(end.report).toEqual(noViolations);
  return end;
}

/** Races on DynamoDB Local: two routers' worth of calls at once, each on its own fresh state. */
describe('races around transfers and outbound calls (semantics §1, §4, §9)', () => {
  it("a transfer and a push timeout at once: the receiver's offer and the sender's release stay exact", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const h = await makeHarness(transferCenter());
      await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
      await h.router.logIn({ repId: 'rep-b', statusId: 'available' });
      const mine = (await h.router.submitWork({ channel: 'chat', source: 'mine', queue: 'chat-q' })).decision;
      await h.router.accept({ itemId: mine.itemId, repId: mine.routing?.kind === 'offered' ? mine.routing.repId : '' });
      const holder = (await h.item(mine.itemId)).reservation!.repId;
      const other = holder === 'rep-a' ? 'rep-b' : 'rep-a';
      // The receiving rep has an offer of their own whose push timeout fires exactly as the transfer lands.
      const theirs = (await h.router.submitWork({ channel: 'chat', source: 'theirs', queue: 'chat-2' })).decision;
      const timer = h.timers.all().find((t) => t.kind === 'pushTimeout' && t.itemId === theirs.itemId)!;
      h.clock.set(timer.dueAt);
      const [transfer, timeout] = await Promise.all([
        settled(h.router.transfer({ itemId: mine.itemId, repId: holder, to: { kind: 'rep', repId: other } })),
        settled(h.router.fireTimer(timer)),
      ]);
      expect([transfer.ok, timeout.ok]).toEqual([true, true]);
      await check(h);
      expect((await h.item(mine.itemId)).reservation?.repId).toBe(other);
    }
  });

  it('two transfers of the same item at once: exactly one wins', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const h = await makeHarness(transferCenter());
      await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
      const { itemId } = (await h.router.submitWork({ channel: 'chat', source: 'c', queue: 'chat-q' })).decision;
      await h.router.accept({ itemId });
      await h.router.logIn({ repId: 'rep-b', statusId: 'available' });
      const outcomes = await Promise.all([
        h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'rep', repId: 'rep-b' } }),
        h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'queue', queueId: 'chat-2' } }),
      ]);
      expect(outcomes.map((o) => o.decision.kind).sort()).toEqual(['stale', 'transferred']);
      expect(h.events.ofType('work.transferred')).toHaveLength(1);
      await check(h);
    }
  });

  it('a transfer overtaken between its item and rep reads retries and is stale (never an internal error)', async () => {
    // The interleaving the loop above only sometimes hits: the winner commits after the loser read the item.
    let overtake: (() => Promise<unknown>) | undefined;
    const h = await makeHarness(transferCenter(), {
      ports: (deps) => ({
        ...deps,
        store: Object.assign(Object.create(deps.store), {
          getRep: async (repId: string) => {
            const run = overtake;
            overtake = undefined;
            await run?.();
            return deps.store.getRep(repId);
          },
        }),
      }),
    });
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { itemId } = (await h.router.submitWork({ channel: 'chat', source: 'c', queue: 'chat-q' })).decision;
    await h.router.accept({ itemId });
    await h.router.logIn({ repId: 'rep-b', statusId: 'available' });
    let winner: Awaited<ReturnType<typeof h.router.transfer>> | undefined;
    overtake = async () => {
      winner = await h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'rep', repId: 'rep-b' } });
    };
    const loser = await h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'queue', queueId: 'chat-2' } });
    expect(winner?.decision.kind).toBe('transferred');
    expect(loser.decision).toMatchObject({ kind: 'stale', itemId });
    expect(h.events.ofType('work.transferred')).toHaveLength(1);
    expect((await h.item(itemId)).reservation?.repId).toBe('rep-b');
    await check(h);
  });

  it('an outbound dial and an inbound offer at once: one has the rep; ending the call releases it', async () => {
    const events = { outboundFirst: 0, inboundFirst: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const h = await makeHarness(transferCenter());
      const contactEvents = makeContactEvents(() => h.router);
      await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
      const outboundContact = `out-${round}`;
      const [outbound, inbound] = await Promise.all([
        h.router.reserveOutbound({ repId: 'rep-a', callId: outboundContact }),
        h.router.submitWork({ channel: 'voice', source: `in-${round}`, queue: 'voice-q' }),
      ]);
      expect(outbound.decision.kind).toBe('reserved');
      const rescinded = outbound.decision.kind === 'reserved' && outbound.decision.rescinded.length > 0;
      events[rescinded ? 'inboundFirst' : 'outboundFirst']++;
      const call = await h.item(inbound.decision.itemId);
      // The inbound call is never with rep-a while the outbound call is: rescinded (back to the queue) if it came
      // first.
      expect(call.state).toBe('Queued');
      expect((await h.rep('rep-a')).used.primary).toBe(100);
      await check(h);
      await contactEvents(connectContactEvent('DISCONNECTED', outboundContact, answered) as never, context);
      // Ending the outbound call released rep-a, who took the waiting inbound call.
      expect((await h.item(inbound.decision.itemId)).reservation?.repId).toBe('rep-a');
      expect(h.events.ofType('offer.declined')).toHaveLength(0);
      await check(h);
    }
    expect(events.outboundFirst + events.inboundFirst).toBe(ROUNDS);
  });

  it('the other order: a call that arrives while the rep is on an outbound call waits', async () => {
    const h = await makeHarness(transferCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await h.router.reserveOutbound({ repId: 'rep-a', callId: 'out-1' });
    const { decision } = await h.router.submitWork({ channel: 'voice', source: 'in-1', queue: 'voice-q' });
    expect(decision.routing).toMatchObject({ kind: 'waiting', reason: 'noEligibleRep' });
    await check(h);
  });
});
