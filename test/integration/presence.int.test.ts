import { type InvalidInputError, NotFoundError } from '../../lambdas/domain/errors';
import { smallCenter } from '../fixtures/small-center';
import { makeHarness } from '../support/harness';

describe('presence (semantics §2, §7)', () => {
  it('login starts a new session with the first status by default; logging in twice is a no-op', async () => {
    const h = await makeHarness(smallCenter());
    const first = await h.router.logIn({ repId: 'rep-a' });
    expect(first.decision).toMatchObject({ kind: 'loggedIn', statusId: 'available' });
    const again = await h.router.logIn({ repId: 'rep-a' });
    expect(again.decision).toMatchObject({
      kind: 'alreadyLoggedIn',
      sessionId: (first.decision as { sessionId: string }).sessionId,
    });
    expect(h.events.ofType('rep.presenceChanged')).toHaveLength(1);
  });

  it('logout rescinds pending offers (not a decline) and routes them to others; assigned work stays', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const assigned = (await h.router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' })).decision.itemId;
    const pending = (await h.router.submitWork({ channel: 'chat', source: 'c2', queue: 'chat-q' })).decision.itemId;
    await h.router.accept({ itemId: assigned });
    await h.router.logIn({ repId: 'rep-b' });
    const out = await h.router.logOut({ repId: 'rep-a' });
    expect(out.decision).toEqual({ kind: 'loggedOut', repId: 'rep-a', rescinded: [pending] });
    expect(await h.item(pending)).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-b' }, exclusions: [] });
    expect(h.events.ofType('offer.rescinded')).toEqual([expect.objectContaining({ reason: 'repLoggedOut' })]);
    expect(h.events.ofType('offer.declined')).toEqual([]);
    expect(await h.rep('rep-a')).toMatchObject({ used: { primary: 50 }, activeItems: 1 });
    expect((await h.router.complete({ itemId: assigned })).decision.kind).toBe('completed');
    expect(await h.rep('rep-a')).toMatchObject({ used: { primary: 0 }, activeItems: 0 });
  });

  it('a status change to one that routes a channel pulls waiting work of that channel', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'busy' });
    const { itemId } = (await h.router.submitWork({ channel: 'case', source: 'k1', queue: 'case-q' })).decision;
    expect((await h.item(itemId)).state).toBe('Queued');
    await h.router.changeStatus({ repId: 'rep-a', statusId: 'digital' });
    expect((await h.item(itemId)).reservation?.repId).toBe('rep-a');
  });

  it.each([
    ['an unknown rep', () => ({ repId: 'rep-zz', statusId: 'busy' }), 'repId', NotFoundError],
    ['an unknown status', () => ({ repId: 'rep-a', statusId: 'lunch' }), 'statusId', NotFoundError],
  ])('rejects %s, naming the field', async (_name, input, field, type) => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const err = await h.router.changeStatus(input()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(type);
    expect((err as InvalidInputError).field).toBe(field);
  });

  it('rejects a status change while logged out', async () => {
    const h = await makeHarness(smallCenter());
    await expect(h.router.changeStatus({ repId: 'rep-a', statusId: 'busy' })).rejects.toThrow(
      "repId: rep 'rep-a' is logged out; log in first",
    );
  });
});

describe('outbound calls (semantics §4: outbound calls count)', () => {
  it('reserve voice capacity and rescind primary offers that no longer fit (not a decline)', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const chat = (await h.router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' })).decision.itemId;
    const r = await h.router.reserveOutbound({ repId: 'rep-a', callId: 'out-1' });
    expect(r.decision).toMatchObject({ kind: 'reserved', rescinded: [chat] });
    expect(await h.rep('rep-a')).toMatchObject({ used: { primary: 100 }, activeItems: 1 });
    expect((await h.item(chat)).state).toBe('Queued');
    expect((await h.router.reserveOutbound({ repId: 'rep-a', callId: 'out-1' })).decision.kind).toBe('duplicate');
    const itemId = (r.decision as { itemId: string }).itemId;
    await h.router.complete({ itemId });
    // Ending the call releases the capacity, and the chat comes back.
    expect((await h.item(chat)).reservation?.repId).toBe('rep-a');
  });

  it('keep interruptible offers, and refuse a dial while primary work is assigned', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const kase = (await h.router.submitWork({ channel: 'case', source: 'k1', queue: 'case-q' })).decision.itemId;
    const chat = (await h.router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' })).decision.itemId;
    await h.router.accept({ itemId: chat });
    expect((await h.router.reserveOutbound({ repId: 'rep-a', callId: 'out-1' })).decision).toEqual({
      kind: 'busy',
      repId: 'rep-a',
      reason: 'activeVoiceCapacity',
    });
    expect((await h.item(kase)).state).toBe('Offered');
  });
});
