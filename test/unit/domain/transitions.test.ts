import {
  applyDueRules,
  cancel,
  complete,
  finish,
  newlyRelaxed,
  queuedTimers,
} from '../../../lambdas/domain/routing/lifecycle';
import { accept, offer, returnToQueue } from '../../../lambdas/domain/routing/transitions';
import { smallCenter } from '../../fixtures/small-center';
import { aRep, aWorkItem, compiled } from '../../support/builders';
import { T0 } from '../../support/harness-time';

const config = compiled();
const explanation = {
  considered: 1,
  eligible: 1,
  routingModel: 'LeastActive' as const,
  ineligibleByReason: {},
  ineligible: [],
};
const rep = aRep() as ReturnType<typeof aRep> & { sessionId: string };
const offered = () =>
  offer(
    { item: aWorkItem(), rep, profile: config.rep('rep-a'), pool: 'primary', units: 50, offerId: 'o1', explanation },
    config,
    T0,
  );

describe('offer (semantics §4, §7)', () => {
  it('reserves capacity at the moment of the offer and sets the push timeout', () => {
    const t = offered();
    expect(t.item).toMatchObject({
      state: 'Offered',
      version: 2,
      offers: 1,
      reservation: { offerId: 'o1', repId: 'rep-a', units: 50, expiresAt: T0 + 30_000 },
    });
    expect(t.rep).toMatchObject({
      used: { primary: 50, interruptible: 0 },
      activeItems: 1,
      lastOfferAt: T0,
      presenceVersion: 1,
    });
    expect(t.timers).toEqual([{ kind: 'pushTimeout', itemId: 'w1', dueAt: T0 + 30_000, guard: 'o1' }]);
  });

  it('auto-accepts digital work for auto-accept reps, but never voice (Connect reports the connect)', () => {
    const auto = compiled(smallCenter({ presenceConfigs: [{ id: 'std', capacity: 100, autoAccept: true }] }));
    const input = { rep, profile: auto.rep('rep-a'), pool: 'primary' as const, units: 50, offerId: 'o1', explanation };
    expect(offer({ ...input, item: aWorkItem() }, auto, T0).item.state).toBe('Assigned');
    expect(
      offer({ ...input, item: aWorkItem({ channel: 'voice', queueId: 'voice-q' }), units: 100 }, auto, T0).item.state,
    ).toBe('Offered');
  });
});

describe('returning an offer (semantics §7)', () => {
  it.each([
    ['declined', true],
    ['timedOut', true],
    ['rescinded', false],
  ] as const)('%s: back to Queued with capacity released; excludes the session: %s', (kind, excluded) => {
    const t = offered();
    const back = returnToQueue(t.item, t.rep!, kind, T0 + 5_000);
    expect(back.item).toMatchObject({ state: 'Queued', reservation: undefined, requestedAt: T0 });
    expect(back.rep).toMatchObject({ used: { primary: 0, interruptible: 0 }, activeItems: 0 });
    expect(back.item.exclusions.length).toBe(excluded ? 1 : 0);
  });

  it('applies statusOnDecline to the rep in the same change', () => {
    const t = offered();
    const back = returnToQueue(t.item, t.rep!, 'declined', T0, {
      reason: 'busy',
      statusChange: { statusId: 'busy', channels: [] },
    });
    expect(back.rep).toMatchObject({ statusId: 'busy', statusChannels: [] });
    expect(back.events.map((e) => e.type)).toEqual(['offer.declined', 'rep.presenceChanged', 'work.queued']);
  });
});

describe('completion and cancel (semantics §3, §4)', () => {
  it('holds capacity through wrap-up and releases it exactly once at the end', () => {
    const wrap = compiled(
      smallCenter({
        channels: [
          { name: 'voice', realTime: true },
          { name: 'chat', realTime: true, wrapUpSeconds: 15 },
          { name: 'case', realTime: false },
        ],
      }),
    );
    const t = offered();
    const assigned = accept(t.item, T0 + 1);
    const done = complete(assigned.item, t.rep!, wrap, T0 + 100);
    expect(done.item).toMatchObject({ state: 'WrapUp', wrapUpEndsAt: T0 + 15_100 });
    expect(done.rep).toBeUndefined();
    expect(finish(done.item, t.rep!, T0 + 15_100).rep).toMatchObject({ used: { primary: 0 } });
  });

  it('refuses to release capacity that is not held (a double release is a broken invariant)', () => {
    const t = offered();
    expect(() => finish(accept(t.item, T0).item, aRep(), T0)).toThrow(/below zero/);
  });

  it('cancels an offered item and releases its reservation', () => {
    const t = offered();
    const c = cancel(t.item, t.rep, 'abandoned', T0 + 2);
    expect(c.item).toMatchObject({ state: 'Canceled', outcome: 'abandoned' });
    expect(c.rep).toMatchObject({ used: { primary: 0 } });
  });
});

describe('time rules on queued work', () => {
  const overflowing = compiled({
    ...smallCenter(),
    queues: smallCenter().queues.map((q) =>
      q.id === 'chat-q' ? { ...q, overflow: { afterSeconds: 60, toQueue: 'case-q' } } : q,
    ),
  });

  it('overflows to the next queue after the wait time, keeping requestedAt', () => {
    expect(applyDueRules(aWorkItem(), overflowing, T0 + 59_999).events).toEqual([]);
    const due = applyDueRules(aWorkItem(), overflowing, T0 + 60_000);
    expect(due.item).toMatchObject({ queueId: 'case-q', requestedAt: T0, targetSince: T0 + 60_000, version: 2 });
    expect(due.events[0]).toMatchObject({ type: 'work.overflowed', fromQueue: 'chat-q', toQueue: 'case-q' });
  });

  it.each([
    [
      'falls back after the timer',
      { kind: 'rep', repId: 'rep-b', required: false, fallbackAfterSeconds: 30 },
      T0 + 30_000,
      true,
      'queue',
    ],
    [
      'falls back to skills when given',
      {
        kind: 'rep',
        repId: 'rep-b',
        required: false,
        fallbackAfterSeconds: 30,
        fallbackSkills: [{ skill: 'english', minLevel: 2 }],
      },
      T0 + 30_000,
      true,
      'skills',
    ],
    [
      'falls back at once when the preferred rep is logged out',
      { kind: 'rep', repId: 'rep-b', required: false },
      T0,
      false,
      'queue',
    ],
    [
      'never falls back when the preferred rep is required',
      { kind: 'rep', repId: 'rep-b', required: true, fallbackAfterSeconds: 1 },
      T0 + 99_000,
      false,
      'rep',
    ],
  ] as const)('direct-to-rep %s', (_name, target, now, loggedIn, expected) => {
    expect(applyDueRules(aWorkItem({ target }), config, now, loggedIn).item.target.kind).toBe(expected);
  });

  it('sets timers for every rule of the current target', () => {
    const item = aWorkItem({
      target: {
        kind: 'skills',
        fallbackAfterSeconds: 90,
        requirements: [
          { skill: 'english', minLevel: 1 },
          { skill: 'billing', minLevel: 2, additional: true, dropAfterSeconds: 20 },
        ],
      },
    });
    expect(queuedTimers(item, overflowing).map((t) => [t.kind, t.dueAt - T0])).toEqual([
      ['overflow', 60_000],
      ['fallback', 90_000],
      ['skillDrop', 20_000],
    ]);
    expect(newlyRelaxed(item, T0 + 20_000)).toEqual(['billing']);
    expect(newlyRelaxed({ ...item, relaxedSkills: ['billing'] }, T0 + 20_000)).toEqual([]);
  });
});
