import { release, repChange, reserve, withPresence } from '../../../lambdas/domain/routing/rep';
import { aRep } from '../../support/builders';
import { T0 } from '../../support/harness-time';

const limits = { primary: 100, interruptible: 60 };

describe('repChange: the atomic write a transition needs (semantics §1, §13)', () => {
  it('a reservation moves used by a bounded delta (capacity never exceeded) and requires unchanged presence', () => {
    const before = aRep({ used: { primary: 25, interruptible: 0 }, activeItems: 1 });
    expect(repChange(before, reserve(before, 'primary', 50, T0), limits)).toEqual({
      repId: 'rep-a',
      groupId: 'g1',
      pools: { primary: { delta: 50, maxBefore: 50 } },
      activeDelta: 1,
      lastOfferAt: T0,
      presence: undefined,
      expectedPresenceVersion: 1,
      create: undefined,
      limits,
    });
  });

  it('a release requires the units still held, so it can happen only once, and ignores presence', () => {
    const before = aRep({ used: { primary: 0, interruptible: 40 }, activeItems: 2 });
    const change = repChange(before, release(before, 'interruptible', 30), limits);
    expect(change.pools).toEqual({ interruptible: { delta: -30, minBefore: 30 } });
    expect(change.expectedPresenceVersion).toBeUndefined();
  });

  it('a presence change is guarded by the presence version read', () => {
    const before = aRep();
    const change = repChange(before, withPresence(before, { ...before, statusId: 'busy', statusChannels: [] }), limits);
    expect(change).toMatchObject({
      pools: {},
      activeDelta: 0,
      presence: { statusId: 'busy', statusChannels: [] },
      expectedPresenceVersion: 1,
    });
  });

  it('the first login creates the row', () => {
    const before = aRep({ sessionId: undefined, presenceVersion: 0, statusChannels: [] });
    const after = withPresence(before, {
      sessionId: 's1',
      loggedInAt: T0,
      statusId: 'available',
      statusChannels: ['chat'],
    });
    expect(repChange(before, after, limits)).toMatchObject({ expectedPresenceVersion: 0, create: after });
  });
});
