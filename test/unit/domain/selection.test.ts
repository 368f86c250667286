import { RING_WINDOW, ringDistance } from '../../../lambdas/domain/routing/availability';
import { assess, sizeFor } from '../../../lambdas/domain/routing/eligibility';
import { chooseRep } from '../../../lambdas/domain/routing/selection';
import { smallCenter } from '../../fixtures/small-center';
import { aRep, aWorkItem, compiled } from '../../support/builders';
import { T0 } from '../../support/harness-time';
import { tieWinner } from '../../support/ties';

const config = compiled();
const candidate = (repId: string, state: Parameters<typeof aRep>[0] = {}) => ({
  profile: config.rep(repId),
  state: aRep({ repId, ...state }),
});

describe('eligibility (semantics §6)', () => {
  it.each([
    ['logged out', aWorkItem(), { sessionId: undefined }, 'loggedOut'],
    ['status without the channel', aWorkItem(), { statusChannels: ['voice'] }, 'statusExcludesChannel'],
    ['capacity does not fit', aWorkItem(), { used: { primary: 60, interruptible: 0 } }, 'noCapacity'],
    [
      'a call needs all primary capacity free (Respect Rep Capacity, §4)',
      aWorkItem({ channel: 'voice', queueId: 'voice-q' }),
      { used: { primary: 1, interruptible: 0 } },
      'noCapacity',
    ],
    ['not serving the queue', aWorkItem({ queueId: 'chat-q' }), {}, 'notInQueue', 'rep-x'],
    [
      'missing a required skill level',
      aWorkItem({ target: { kind: 'skills', requirements: [{ skill: 'english', minLevel: 6 }] } }),
      {},
      'missingSkill',
    ],
    [
      'not the preferred rep',
      aWorkItem({ target: { kind: 'rep', repId: 'rep-b', required: false } }),
      {},
      'notPreferredRep',
    ],
    [
      'declined in this login session (§7)',
      aWorkItem({ exclusions: [{ repId: 'rep-a', sessionId: 'session-1', at: T0, reason: 'declined' }] }),
      {},
      'declinedThisSession',
    ],
  ])('rules a rep out when %s', (_name, item, state, reason, repId = 'rep-a') => {
    const c = compiled(
      smallCenter({ reps: [...smallCenter().reps!, { id: 'rep-x', group: 'g1', queues: [], skills: {} }] }),
    );
    expect(assess(item, c.rep(repId), aRep({ repId, ...state }), c, T0)).toEqual({ eligible: false, reason });
  });

  it('lets a rep working interruptible cases still take a call (interruptible capacity, §4)', () => {
    const call = aWorkItem({ channel: 'voice', queueId: 'voice-q' });
    expect(
      assess(call, config.rep('rep-a'), aRep({ used: { primary: 0, interruptible: 100 }, activeItems: 2 }), config, T0),
    ).toMatchObject({ eligible: true, pool: 'primary', units: 100 });
  });

  it('a new login session lifts the decline exclusion', () => {
    const item = aWorkItem({ exclusions: [{ repId: 'rep-a', sessionId: 'session-1', at: T0, reason: 'declined' }] });
    expect(assess(item, config.rep('rep-a'), aRep({ sessionId: 'session-2' }), config, T0).eligible).toBe(true);
  });

  it('reofferDeclinedAfterSeconds lifts the exclusion after that time', () => {
    const base = smallCenter();
    const c = compiled({
      ...base,
      queues: base.queues.map((q) => (q.id === 'chat-q' ? { ...q, reofferDeclinedAfterSeconds: 60 } : q)),
    });
    const item = aWorkItem({ exclusions: [{ repId: 'rep-a', sessionId: 'session-1', at: T0, reason: 'timedOut' }] });
    expect(assess(item, c.rep('rep-a'), aRep(), c, T0 + 59_000).eligible).toBe(false);
    expect(assess(item, c.rep('rep-a'), aRep(), c, T0 + 60_000).eligible).toBe(true);
  });

  it('drops additional skills after dropAfterSeconds, widening the pool', () => {
    const item = aWorkItem({
      target: {
        kind: 'skills',
        requirements: [
          { skill: 'english', minLevel: 1 },
          { skill: 'billing', minLevel: 3, additional: true, dropAfterSeconds: 30 },
        ],
      },
    });
    expect(assess(item, config.rep('rep-a'), aRep(), config, T0 + 29_000)).toEqual({
      eligible: false,
      reason: 'missingSkill',
    });
    expect(assess(item, config.rep('rep-a'), aRep(), config, T0 + 30_000).eligible).toBe(true);
  });

  it('sizes percentage work from the capacity of the pool it uses', () => {
    const item = aWorkItem({ channel: 'case', queueId: 'case-q', interruptible: true, size: { percentage: 25 } });
    const c = compiled(smallCenter({ presenceConfigs: [{ id: 'std', capacity: 100, interruptibleCapacity: 60 }] }));
    expect(sizeFor(item, c.rep('rep-a'), c)).toEqual({ pool: 'interruptible', units: 15 });
  });
});

describe('chooseRep (semantics §6)', () => {
  it("MostAvailable picks the most free capacity in the item's pool", () => {
    const item = aWorkItem({ channel: 'case', queueId: 'case-q', interruptible: true });
    const s = chooseRep(
      item,
      [
        candidate('rep-a', { used: { primary: 0, interruptible: 50 } }),
        candidate('rep-b', { used: { primary: 100, interruptible: 0 } }),
      ],
      config,
      T0,
    );
    expect(s.kind === 'chosen' && s.rep.profile.id).toBe('rep-b');
  });

  it('LeastActive picks the fewest active items', () => {
    const s = chooseRep(
      aWorkItem(),
      [
        candidate('rep-a', { activeItems: 1 }),
        candidate('rep-b', { activeItems: 0, used: { primary: 50, interruptible: 0 } }),
      ],
      config,
      T0,
    );
    expect(s.kind === 'chosen' && s.rep.profile.id).toBe('rep-b');
  });

  it.each([
    [
      'longest idle wins a tie',
      [candidate('rep-a', { lastOfferAt: T0 }), candidate('rep-b', { lastOfferAt: T0 - 1 })],
      'rep-b',
    ],
    [
      'idle time counts in whole seconds: within one second, the ring from the item decides',
      [candidate('rep-a', { lastOfferAt: T0 + 999 }), candidate('rep-b', { lastOfferAt: T0 })],
      tieWinner('w1', ['rep-a', 'rep-b']),
    ],
    [
      'then the ring, whatever order the candidates come in',
      [candidate('rep-b'), candidate('rep-a')],
      tieWinner('w1', ['rep-a', 'rep-b']),
    ],
  ])('%s', (_name, candidates, expected) => {
    const s = chooseRep(aWorkItem(), candidates, config, T0);
    expect(s.kind === 'chosen' && s.rep.profile.id).toBe(expected);
  });

  it('spreads equally good reps over items: different items enter the ring at different reps', () => {
    const reps = ['rep-a', 'rep-b', 'rep-c'];
    const winners = new Set(
      Array.from({ length: 30 }, (_, n) => {
        const s = chooseRep(
          aWorkItem({ id: `w${n}` }),
          reps.map((r) => candidate(r)),
          config,
          T0,
        );
        return s.kind === 'chosen' ? s.rep.profile.id : undefined;
      }),
    );
    expect(winners).toEqual(new Set(reps));
  });

  it('with many tied reps, picks among the few nearest round the ring from the item, by a hash of item and rep', () => {
    const center = smallCenter();
    const ids = Array.from({ length: 12 }, (_, n) => `rep-${n}`);
    const many = compiled({ ...center, reps: ids.map((id) => ({ ...center.reps![0]!, id })) });
    for (let n = 0; n < 40; n++) {
      const item = aWorkItem({ id: `w${n}` });
      const s = chooseRep(
        item,
        ids.map((id) => ({ profile: many.rep(id), state: aRep({ repId: id }) })),
        many,
        T0,
      );
      const nearest = [...ids].sort((a, b) => ringDistance(item.id, a) - ringDistance(item.id, b) || (a < b ? -1 : 1));
      const chosen = s.kind === 'chosen' ? s.rep.profile.id : '';
      expect(nearest.slice(0, RING_WINDOW)).toContain(chosen);
      expect(chosen).toBe(tieWinner(item.id, ids));
    }
  });

  it('explains the choice: how many were considered and why the others were not eligible (§10)', () => {
    const s = chooseRep(
      aWorkItem(),
      [candidate('rep-a'), candidate('rep-b', { sessionId: undefined }), candidate('rep-c', { statusChannels: [] })],
      config,
      T0,
    );
    expect(s.explanation).toEqual({
      considered: 3,
      eligible: 1,
      routingModel: 'LeastActive',
      ineligibleByReason: { loggedOut: 1, statusExcludesChannel: 1 },
      ineligible: [
        { repId: 'rep-b', reason: 'loggedOut' },
        { repId: 'rep-c', reason: 'statusExcludesChannel' },
      ],
    });
  });

  it('returns none when nobody is eligible', () => {
    expect(chooseRep(aWorkItem(), [candidate('rep-a', { statusChannels: [] })], config, T0).kind).toBe('none');
  });
});
