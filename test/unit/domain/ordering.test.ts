import fc from 'fast-check';
import { compareWaiting, effectivePriority, rankKey } from '../../../lambdas/domain/routing/ordering';
import { smallCenter } from '../../fixtures/small-center';
import { aWorkItem, compiled } from '../../support/builders';
import { T0 } from '../../support/harness-time';

const agingCenter = () => {
  const base = smallCenter();
  return compiled({ ...base, queues: base.queues.map((q) => (q.id === 'chat-q' ? { ...q, agingSeconds: 60 } : q)) });
};

describe('ordering of waiting work (semantics §5)', () => {
  const config = compiled();
  const sorted = (items: ReturnType<typeof aWorkItem>[], now = T0) =>
    [...items].sort((a, b) => compareWaiting(a, b, config, now)).map((i) => i.id);

  it.each([
    [
      'queue priority first',
      [aWorkItem({ id: 'case', queueId: 'case-q', channel: 'case' }), aWorkItem({ id: 'chat', requestedAt: T0 + 5 })],
      ['chat', 'case'],
    ],
    [
      'item priority override beats queue priority',
      [aWorkItem({ id: 'a' }), aWorkItem({ id: 'b', queueId: 'case-q', channel: 'case', priority: 1 })],
      ['b', 'a'],
    ],
    [
      'then secondary priority',
      [aWorkItem({ id: 'a', secondaryPriority: 5 }), aWorkItem({ id: 'b', secondaryPriority: 2, requestedAt: T0 + 9 })],
      ['b', 'a'],
    ],
    [
      'items with a secondary priority before those without',
      [aWorkItem({ id: 'a' }), aWorkItem({ id: 'b', secondaryPriority: 9, requestedAt: T0 + 9 })],
      ['b', 'a'],
    ],
    [
      'then the oldest request',
      [aWorkItem({ id: 'a', requestedAt: T0 + 2 }), aWorkItem({ id: 'b', requestedAt: T0 + 1 })],
      ['b', 'a'],
    ],
    ['then id', [aWorkItem({ id: 'b' }), aWorkItem({ id: 'a' })], ['a', 'b']],
  ])('%s', (_name, items, expected) => {
    expect(sorted(items)).toEqual(expected);
  });

  it('aging raises a waiting item one level per agingSeconds, so low priority is not starved', () => {
    const config = agingCenter();
    const old = aWorkItem({ id: 'old', priority: 3, requestedAt: T0 });
    const queue = config.queue('chat-q');
    expect(effectivePriority(old, queue, T0 + 60_000)).toBe(2);
    // One level is worth 60 s of waiting: newer priority-2 work goes first only if it came within 60 s.
    const newerWithinAStep = aWorkItem({ id: 'fresh', priority: 2, requestedAt: T0 + 59_000 });
    const newerAfterAStep = aWorkItem({ id: 'late', priority: 2, requestedAt: T0 + 61_000 });
    expect(compareWaiting(newerWithinAStep, old, config, T0 + 70_000)).toBeLessThan(0);
    expect(compareWaiting(old, newerAfterAStep, config, T0 + 70_000)).toBeLessThan(0);
  });

  it('aging lets a long-waiting item of a lower-priority queue overtake a fresh item of a higher one', () => {
    const base = smallCenter();
    const config = compiled({
      ...base,
      queues: base.queues.map((q) => (q.id === 'case-q' ? { ...q, agingSeconds: 30 } : q)),
    });
    const oldCase = aWorkItem({ id: 'case', channel: 'case', queueId: 'case-q', requestedAt: T0 });
    const freshChat = aWorkItem({ id: 'chat', requestedAt: T0 + 10_000 });
    // case: 3 - 10/30 = 2.67 behind chat's 2; after 31 s: 3 - 31/30 = 1.97, ahead.
    expect(compareWaiting(freshChat, oldCase, config, T0 + 10_000)).toBeLessThan(0);
    expect(compareWaiting(oldCase, freshChat, config, T0 + 31_000)).toBeLessThan(0);
  });

  it('the stored rank key sorts exactly like the comparator within a queue, at any instant (semantics §13)', () => {
    const config = agingCenter();
    const queue = config.queue('chat-q');
    const item = fc.record({
      id: fc.stringMatching(/^[a-z]{1,6}$/),
      priority: fc.integer({ min: 1, max: 9 }),
      secondaryPriority: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      requestedAt: fc.integer({ min: T0, max: T0 + 3_600_000 }),
    });
    fc.assert(
      fc.property(item, item, fc.integer({ min: 0, max: 7_200_000 }), (a, b, later) => {
        fc.pre(a.id !== b.id);
        const x = aWorkItem(a);
        const y = aWorkItem(b);
        const byRank = rankKey(x, queue) < rankKey(y, queue) ? -1 : 1;
        const byCompare = Math.sign(compareWaiting(x, y, config, T0 + 3_600_000 + later));
        expect(byRank).toBe(byCompare);
      }),
      { numRuns: 500 },
    );
  });
});
