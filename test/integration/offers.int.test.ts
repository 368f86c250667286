import { InvalidInputError } from '../../lambdas/domain/errors';
import { smallCenter } from '../fixtures/small-center';
import { makeHarness, T0 } from '../support/harness';

const withPresence = (p: Record<string, unknown>) =>
  smallCenter({ presenceConfigs: [{ id: 'std', capacity: 100, ...p }] });
const chat = { channel: 'chat', source: 'c1', queue: 'chat-q' };

describe('accept (semantics §7)', () => {
  it('assigns the item; accepting again is recognised and changes nothing', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    expect((await h.router.accept({ itemId, repId: 'rep-a' })).decision).toMatchObject({ kind: 'accepted' });
    const before = await h.item(itemId);
    expect((await h.router.accept({ itemId, repId: 'rep-a' })).decision).toMatchObject({ kind: 'alreadyAccepted' });
    expect(await h.item(itemId)).toEqual(before);
  });

  it('a stale accept (another rep, or an old offer id) changes nothing', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    expect((await h.router.accept({ itemId, repId: 'rep-b' })).decision).toMatchObject({
      kind: 'stale',
      state: 'Offered',
    });
    expect((await h.router.accept({ itemId, offerId: 'offer-old' })).decision).toMatchObject({ kind: 'stale' });
    expect((await h.item(itemId)).state).toBe('Offered');
  });
});

describe('decline (semantics §7)', () => {
  it('returns the item to the queue, releases capacity and re-offers it to another rep', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    await h.router.logIn({ repId: 'rep-b' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    const first = (await h.item(itemId)).reservation!.repId;
    const r = await h.router.decline({ itemId, repId: first, reason: 'Not my area' });
    expect(r.decision).toMatchObject({ kind: 'declined', reroute: { kind: 'offered' } });
    const item = await h.item(itemId);
    expect(item.reservation!.repId).not.toBe(first);
    expect(item.requestedAt).toBe(T0);
    expect((await h.rep(first)).used.primary).toBe(0);
    expect(h.events.ofType('offer.declined')).toEqual([
      expect.objectContaining({ repId: first, reason: 'Not my area' }),
    ]);
  });

  it('is not offered to the same rep again in that login session, even after Busy → Available', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    await h.router.decline({ itemId, repId: 'rep-a' });
    await h.router.changeStatus({ repId: 'rep-a', statusId: 'busy' });
    await h.router.changeStatus({ repId: 'rep-a', statusId: 'available' });
    expect((await h.item(itemId)).state).toBe('Queued');
    await h.router.logOut({ repId: 'rep-a' });
    await h.router.logIn({ repId: 'rep-a' });
    expect((await h.item(itemId)).reservation?.repId).toBe('rep-a');
  });

  it('re-offers after reofferDeclinedAfterSeconds so a one-rep queue does not stall', async () => {
    const base = smallCenter();
    const h = await makeHarness({
      ...base,
      queues: base.queues.map((q) => (q.id === 'chat-q' ? { ...q, reofferDeclinedAfterSeconds: 90 } : q)),
    });
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    await h.router.decline({ itemId, repId: 'rep-a' });
    await h.advance(89_000);
    expect((await h.item(itemId)).state).toBe('Queued');
    await h.advance(1_000);
    expect((await h.item(itemId)).reservation?.repId).toBe('rep-a');
  });

  it('changes the rep status to statusOnDecline', async () => {
    const h = await makeHarness(withPresence({ statusOnDecline: 'busy' }));
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    await h.router.decline({ itemId });
    expect(await h.rep('rep-a')).toMatchObject({ statusId: 'busy', statusChannels: [] });
  });

  it.each([
    ['decline is not allowed', { allowDecline: false }, undefined, 'itemId'],
    ['the reason is not in the list', { declineReasons: ['Busy'] }, 'Bored', 'reason'],
  ])('rejects a decline when %s, naming the field, and changes nothing', async (_name, presence, reason, field) => {
    const h = await makeHarness(withPresence(presence));
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    const before = await h.snapshot();
    const err = await h.router.decline({ itemId, reason }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe(field);
    expect((await h.snapshot()).rows).toEqual(before.rows);
  });
});

describe('push timeout (semantics §7)', () => {
  it("times the offer out on the router's own timer, sets statusOnPushTimeout, excludes the session", async () => {
    const h = await makeHarness(withPresence({ statusOnPushTimeout: 'busy' }));
    await h.router.logIn({ repId: 'rep-a' });
    await h.router.logIn({ repId: 'rep-b' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    const first = (await h.item(itemId)).reservation!.repId;
    const other = first === 'rep-a' ? 'rep-b' : 'rep-a';
    await h.advance(30_000);
    expect(h.events.ofType('offer.timedOut')).toEqual([expect.objectContaining({ itemId, repId: first })]);
    expect(await h.rep(first)).toMatchObject({ statusId: 'busy', used: { primary: 0 } });
    expect((await h.item(itemId)).reservation?.repId).toBe(other);
  });

  it('a stale timeout (the offer was accepted) or a duplicate one is a no-op', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    const timer = h.timers.all()[0]!;
    await h.router.accept({ itemId });
    h.clock.set(timer.dueAt);
    expect((await h.router.fireTimer(timer)).decision.kind).toBe('stale');
    expect((await h.router.fireTimer(timer)).decision.kind).toBe('stale');
    expect((await h.item(itemId)).state).toBe('Assigned');
  });

  it('a timer that fires early is rescheduled, not acted on', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    const timer = h.timers.takeDue(Number.MAX_SAFE_INTEGER)[0]!;
    expect((await h.router.fireTimer(timer)).decision.kind).toBe('rescheduled');
    expect((await h.item(itemId)).state).toBe('Offered');
    expect(h.timers.all()).toEqual([timer]);
  });
});

describe('completion, wrap-up and cancel (semantics §3, §4)', () => {
  it('holds capacity during wrap-up and releases it when wrap-up ends', async () => {
    const h = await makeHarness(
      smallCenter({
        channels: [
          { name: 'voice', realTime: true, wrapUpSeconds: 45 },
          { name: 'chat', realTime: true },
          { name: 'case', realTime: false },
        ],
      }),
    );
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' })).decision;
    await h.router.accept({ itemId });
    expect((await h.router.complete({ itemId })).decision).toMatchObject({ kind: 'wrapUp', wrapUpEndsAt: T0 + 45_000 });
    expect((await h.rep('rep-a')).used.primary).toBe(100);
    await h.advance(45_000);
    expect((await h.item(itemId)).state).toBe('Completed');
    expect((await h.rep('rep-a')).used.primary).toBe(0);
    expect((await h.router.complete({ itemId })).decision.kind).toBe('stale');
  });

  it('cancels a queued item and an offered one (abandon), releasing the reservation once', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const offered = (await h.router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' })).decision
      .itemId;
    const queued = (await h.router.submitWork({ channel: 'voice', source: 'call-2', queue: 'voice-q' })).decision
      .itemId;
    expect((await h.router.cancel({ itemId: queued, reason: 'abandoned' })).decision.kind).toBe('canceled');
    expect((await h.router.cancel({ itemId: offered, reason: 'abandoned' })).decision.kind).toBe('canceled');
    expect((await h.router.cancel({ itemId: offered, reason: 'abandoned' })).decision.kind).toBe('stale');
    expect(await h.rep('rep-a')).toMatchObject({ used: { primary: 0 }, activeItems: 0 });
  });

  it('does not cancel assigned work', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const { itemId } = (await h.router.submitWork(chat)).decision;
    await h.router.accept({ itemId });
    expect((await h.router.cancel({ itemId, reason: 'abandoned' })).decision).toEqual({
      kind: 'stale',
      itemId,
      state: 'Assigned',
    });
  });
});
