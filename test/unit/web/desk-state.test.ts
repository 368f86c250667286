import fc from 'fast-check';
import type { DesktopMessage } from '../../../lambdas/domain/routing/desktop-messages';
import type { WorkItem } from '../../../lambdas/domain/routing/work-item';
import { applyMessage, emptyDesk, describe as saidOf } from '../../../web/rep-workspace/src/desk-state';
import { aRep, aWorkItem } from '../../support/builders';

const ME = 'rep-a';
const reservation = (repId: string) => ({
  offerId: `o-${repId}`,
  repId,
  sessionId: 's1',
  pool: 'primary' as const,
  units: 50,
  offeredAt: 1,
  declinable: true,
});

/** One item's life as pushes describe it: versions 1..n, each offered to, held by or gone from this rep. */
const history = fc
  .array(fc.constantFrom('offeredToMe', 'assignedToMe', 'offeredToOther', 'queued', 'completed'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((steps) =>
    steps.map((step, i): WorkItem => {
      const base = aWorkItem({ id: 'w1', version: i + 1 });
      if (step === 'offeredToMe') return { ...base, state: 'Offered', reservation: reservation(ME) };
      if (step === 'assignedToMe') return { ...base, state: 'Assigned', reservation: reservation(ME) };
      if (step === 'offeredToOther') return { ...base, state: 'Offered', reservation: reservation('rep-b') };
      return { ...base, state: step === 'queued' ? 'Queued' : 'Completed' };
    }),
  );

const push = (item: WorkItem, at = 1): DesktopMessage => ({
  type: 'event',
  event: {
    type: 'work.queued',
    at,
    itemId: item.id,
    channel: 'chat',
    queueId: 'q',
    source: 's',
    reason: 'submitted',
    eventId: `e${item.version}`,
  },
  item,
});

describe('the workspace keeps the highest item version it has seen', () => {
  it('shows the same desk whatever order and how often the pushes arrive (at-least-once, unordered)', () => {
    fc.assert(
      fc.property(
        // Every version arrives at least once, some twice, in any order.
        history.chain((items) =>
          fc.subarray(items).chain((again) => {
            const all = [...items, ...again];
            return fc.tuple(fc.constant(items), fc.shuffledSubarray(all, { minLength: all.length }));
          }),
        ),
        ([items, arrivals]) => {
          const latest = items.at(-1)!;
          const desk = arrivals.reduce((s, i) => applyMessage(s, push(i), ME), emptyDesk);
          const mine = latest.reservation?.repId === ME && ['Offered', 'Assigned'].includes(latest.state);
          expect([...desk.items.values()]).toEqual(mine ? [latest] : []);
        },
      ),
    );
  });

  it('keeps an offer pushed just before a snapshot whose index does not list it yet', () => {
    const offered = { ...aWorkItem({ id: 'w3', version: 2 }), state: 'Offered' as const, reservation: reservation(ME) };
    const desk = applyMessage(emptyDesk, push(offered, 10_000), ME);
    const snapshot = (at: number): DesktopMessage => ({
      type: 'snapshot',
      at,
      view: {
        rep: { repId: ME, loggedIn: false },
        items: [],
        desk: { statuses: [], allowDecline: true, declineReasons: [], capacity: 100 },
      },
    });
    expect([...applyMessage(desk, snapshot(10_500), ME).items.keys()]).toEqual(['w3']);
    // Long after the push, a snapshot without it means it left: it goes.
    expect([...applyMessage(desk, snapshot(60_000), ME).items.keys()]).toEqual([]);
  });

  it('starts from a snapshot, and a push older than the snapshot changes nothing', () => {
    const assigned = {
      ...aWorkItem({ id: 'w2', version: 3 }),
      state: 'Assigned' as const,
      reservation: reservation(ME),
    };
    const snapshot: DesktopMessage = {
      type: 'snapshot',
      at: 1,
      view: {
        rep: { repId: ME, loggedIn: false },
        items: [assigned],
        desk: { statuses: [], allowDecline: true, declineReasons: [], capacity: 100 },
      },
    };
    const desk = applyMessage(emptyDesk, snapshot, ME);
    const stale = { ...assigned, version: 2, state: 'Offered' as const };
    expect([...applyMessage(desk, push(stale), ME).items.values()]).toEqual([assigned]);
  });

  it("shows the rep's capacity from the latest event's push, whatever order the pushes arrive in", () => {
    const offered = { ...aWorkItem({ id: 'w4', version: 1 }), state: 'Offered' as const, reservation: reservation(ME) };
    const withRep = (at: number, primary: number, version: number): DesktopMessage => ({
      ...(push({ ...offered, version }, at) as Extract<DesktopMessage, { type: 'event' }>),
      rep: aRep({ repId: ME, used: { primary, interruptible: 0 } }),
    });
    // The offer reserved 50 (at 2), the completion freed it (at 3); the earlier push arrives last.
    const desk = [withRep(3, 0, 2), withRep(2, 50, 1)].reduce((s, m) => applyMessage(s, m, ME), emptyDesk);
    expect(desk.rep).toMatchObject({ used: { primary: 0 } });
    expect(applyMessage(emptyDesk, withRep(2, 50, 1), ME).rep).toMatchObject({ used: { primary: 50 } });
  });
});

describe("the desk's Recent list, in words", () => {
  const at = Date.UTC(2026, 11, 7, 9, 30, 0);
  const time = new Date(at).toLocaleTimeString();
  it('says what happened to which work, by its customer or source, not by event names and item ids', () => {
    const item = aWorkItem({ id: 'w1', channel: 'chat', source: 'web-7', attributes: { customer: 'Ada' } });
    expect(saidOf({ type: 'offer.created', at, itemId: 'w1' } as never, item)).toBe(`${time} Offered · chat Ada`);
    expect(saidOf({ type: 'work.completed', at, itemId: 'w1' } as never, { ...item, attributes: {} })).toBe(
      `${time} Completed · chat web-7`,
    );
    expect(saidOf({ type: 'rep.presenceChanged', at, loggedIn: true, statusId: 'busy' } as never)).toBe(
      `${time} Status: busy`,
    );
  });
});
