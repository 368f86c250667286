import { smallCenter } from '../fixtures/small-center';
import { makeHarness, T0 } from '../support/harness';
import { tieWinner } from '../support/ties';

describe('push routing (semantics §6)', () => {
  it('offers a call only to a rep with no primary work, even one busy with interruptible cases (§4)', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const chat = await h.router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' });
    expect(chat.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
    await h.router.logIn({ repId: 'rep-b', statusId: 'digital' });
    const call = await h.router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' });
    expect(call.decision.routing).toMatchObject({ kind: 'waiting', reason: 'noEligibleRep' });
    await h.router.changeStatus({ repId: 'rep-b', statusId: 'available' });
    // rep-b now takes the call through pull, as the status change freed nothing but opened voice.
    expect((await h.item(call.decision.itemId)).reservation?.repId).toBe('rep-b');
    expect((await h.rep('rep-b')).used).toEqual({ primary: 100, interruptible: 0 });
  });

  it('offers a call to a rep whose interruptible pool is full of cases', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    for (const s of ['k1', 'k2']) await h.router.submitWork({ channel: 'case', source: s, queue: 'case-q' });
    expect((await h.rep('rep-a')).used).toEqual({ primary: 0, interruptible: 100 });
    const call = await h.router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' });
    expect(call.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
  });

  it('picks the most available rep and explains why the others were not eligible (§10)', async () => {
    const h = await makeHarness(smallCenter());
    for (const repId of ['rep-a', 'rep-b', 'rep-c']) await h.router.logIn({ repId, statusId: 'available' });
    await h.router.changeStatus({ repId: 'rep-c', statusId: 'digital' });
    const first = await h.router.submitWork({ channel: 'case', source: 'k1', queue: 'case-q' });
    const second = await h.router.submitWork({ channel: 'case', source: 'k2', queue: 'case-q' });
    // A tie on free capacity and idle time goes round the ring from the item; then the others have more free.
    const winner = tieWinner(first.decision.itemId, ['rep-a', 'rep-b', 'rep-c']);
    const rest = ['rep-a', 'rep-b', 'rep-c'].filter((r) => r !== winner);
    expect(first.decision.routing).toMatchObject({ kind: 'offered', repId: winner });
    expect(second.decision.routing).toMatchObject({ kind: 'offered', repId: tieWinner(second.decision.itemId, rest) });
    const call = await h.router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' });
    // Cases use the interruptible pool, so case-holding reps can still take the call; one never offered work has
    // been idle longest, else the ring decides.
    const withCase = new Set([first, second].map((r) => (r.decision.routing as { repId: string }).repId));
    const idlest = ['rep-a', 'rep-b'].filter((r) => !withCase.has(r));
    const callWinner = idlest.length === 1 ? idlest[0] : tieWinner(call.decision.itemId, ['rep-a', 'rep-b']);
    expect(call.decision.routing).toMatchObject({ kind: 'offered', repId: callWinner });
    expect(h.events.ofType('offer.created').at(-1)!.explanation).toEqual({
      considered: 3,
      eligible: 2,
      routingModel: 'MostAvailable',
      ineligibleByReason: { statusExcludesChannel: 1 },
      ineligible: [{ repId: 'rep-c', reason: 'statusExcludesChannel' }],
    });
  });

  it('routes by skills with levels, and drops additional skills on the timer with an event', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const r = await h.router.submitWork({
      channel: 'chat',
      source: 'c1',
      queue: 'chat-q',
      skills: [
        { skill: 'english', minLevel: 5 },
        { skill: 'spanish', minLevel: 5, additional: true, dropAfterSeconds: 30 },
      ],
    });
    expect(r.decision.routing).toMatchObject({
      kind: 'waiting',
      explanation: { ineligibleByReason: { missingSkill: 1 } },
    });
    await h.advance(29_000);
    expect((await h.item(r.decision.itemId)).state).toBe('Queued');
    await h.advance(1_000);
    expect(h.events.ofType('skills.relaxed')).toEqual([
      expect.objectContaining({ itemId: r.decision.itemId, dropped: ['spanish'] }),
    ]);
    expect((await h.item(r.decision.itemId)).reservation?.repId).toBe('rep-a');
  });

  it('never relaxes required skills', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const r = await h.router.submitWork({
      channel: 'chat',
      source: 'c1',
      queue: 'chat-q',
      skills: [{ skill: 'spanish', minLevel: 1 }],
    });
    await h.advance(3_600_000);
    expect((await h.item(r.decision.itemId)).state).toBe('Queued');
  });

  it('direct-to-rep: only the preferred rep until the fallback time, then the queue', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await h.router.logIn({ repId: 'rep-b', statusId: 'busy' });
    const r = await h.router.submitWork({
      channel: 'chat',
      source: 'c1',
      queue: 'chat-q',
      preferredRep: { repId: 'rep-b', fallbackAfterSeconds: 60 },
    });
    expect(r.decision.routing).toMatchObject({ kind: 'waiting' });
    await h.advance(60_000);
    expect(h.events.ofType('work.fellBack')).toEqual([expect.objectContaining({ to: 'queue', reason: 'timer' })]);
    expect((await h.item(r.decision.itemId)).reservation?.repId).toBe('rep-a');
  });

  it('direct-to-rep: the preferred rep gets it first, even when others are freer', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await h.router.logIn({ repId: 'rep-b', statusId: 'available' });
    await h.router.submitWork({ channel: 'chat', source: 'c0', queue: 'chat-q', preferredRep: { repId: 'rep-b' } });
    const r = await h.router.submitWork({
      channel: 'chat',
      source: 'c1',
      queue: 'chat-q',
      preferredRep: { repId: 'rep-b' },
    });
    expect(r.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-b' });
  });

  it('direct-to-rep: falls back at once when the preferred rep is logged out, unless required', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const optional = await h.router.submitWork({
      channel: 'chat',
      source: 'c1',
      queue: 'chat-q',
      preferredRep: { repId: 'rep-c' },
    });
    expect(optional.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
    const required = await h.router.submitWork({
      channel: 'chat',
      source: 'c2',
      queue: 'chat-q',
      preferredRep: { repId: 'rep-c', required: true },
    });
    expect(required.decision.routing).toMatchObject({ kind: 'waiting' });
    await h.router.logIn({ repId: 'rep-c', statusId: 'available' });
    expect((await h.item(required.decision.itemId)).reservation?.repId).toBe('rep-c');
  });

  it('overflows a waiting item to another queue by wait time, keeping its place in time', async () => {
    const base = smallCenter();
    const h = await makeHarness({
      ...base,
      queues: base.queues
        .map((q) => (q.id === 'chat-q' ? { ...q, overflow: { afterSeconds: 120, toQueue: 'chat-2' } } : q))
        .concat({
          id: 'chat-2',
          channel: 'chat',
          priority: 2,
          routingModel: 'MostAvailable',
          pushTimeoutSeconds: 30,
          size: { units: 50 },
        }),
      reps: [...base.reps!, { id: 'rep-x', group: 'g1', queues: ['chat-2'] }],
    });
    await h.router.logIn({ repId: 'rep-x', statusId: 'available' });
    const r = await h.router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' });
    expect(r.decision.routing).toMatchObject({ kind: 'waiting' });
    await h.advance(120_000);
    const item = await h.item(r.decision.itemId);
    expect(item).toMatchObject({
      queueId: 'chat-2',
      requestedAt: T0,
      state: 'Offered',
      reservation: { repId: 'rep-x' },
    });
    expect(h.events.ofType('work.overflowed')).toHaveLength(1);
  });
});

describe('pull routing (semantics §5)', () => {
  it('a rep who logs in is offered the first items across the queues they serve, by priority then age', async () => {
    const h = await makeHarness(smallCenter());
    const ids: Record<string, string> = {};
    for (const [source, queue, channel, at] of [
      ['k-old', 'case-q', 'case', 0],
      ['c-new', 'chat-q', 'chat', 2],
      ['c-old', 'chat-q', 'chat', 1],
    ] as const) {
      h.clock.set(T0 + at * 1000);
      ids[source] = (await h.router.submitWork({ channel, source, queue })).decision.itemId;
    }
    await h.router.logIn({ repId: 'rep-a', statusId: 'digital' });
    const offers = h.events.ofType('offer.created').map((e) => e.itemId);
    // Two chats fill primary capacity (2 x 50); the case uses the interruptible pool.
    expect(offers).toEqual([ids['c-old'], ids['c-new'], ids['k-old']]);
  });

  it('completing work frees capacity and pulls the next item', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const first = await h.router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' });
    const second = await h.router.submitWork({ channel: 'voice', source: 'call-2', queue: 'voice-q' });
    expect(second.decision.routing).toMatchObject({ kind: 'waiting' });
    await h.router.accept({ itemId: first.decision.itemId });
    await h.router.complete({ itemId: first.decision.itemId, repId: 'rep-a' });
    expect((await h.item(second.decision.itemId)).state).toBe('Offered');
  });
});
