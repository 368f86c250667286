import { InvalidInputError } from '../../lambdas/domain/errors';
import { smallCenter } from '../fixtures/small-center';
import { makeHarness } from '../support/harness';

describe('submit work (semantics §3)', () => {
  it('is idempotent per channel and source id, also when submitted concurrently', async () => {
    const h = await makeHarness(smallCenter());
    const input = { channel: 'chat', source: 'crm-123', queue: 'chat-q' };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => h.router.submitWork(input)));
    const ids = new Set(results.map((r) => r.decision.itemId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.decision.duplicate)).toHaveLength(1);
    expect((await h.snapshot()).items).toHaveLength(1);
    // The same source on another channel is another piece of work.
    await h.router.submitWork({ ...input, channel: 'case', queue: 'case-q' });
    expect((await h.snapshot()).items).toHaveLength(2);
  });

  it.each([
    ['an unknown queue', { channel: 'chat', source: 's', queue: 'nope' }, 'queue'],
    ['a queue of another channel', { channel: 'chat', source: 's', queue: 'case-q' }, 'queue'],
    ['an unknown channel', { channel: 'fax', source: 's', queue: 'chat-q' }, 'channel'],
    [
      'an unknown skill',
      { channel: 'chat', source: 's', queue: 'chat-q', skills: [{ skill: 'x', minLevel: 1 }] },
      'skills[0].skill',
    ],
    [
      'an unknown preferred rep',
      { channel: 'chat', source: 's', queue: 'chat-q', preferredRep: { repId: 'ghost' } },
      'preferredRep.repId',
    ],
    [
      'both skills and a preferred rep',
      {
        channel: 'chat',
        source: 's',
        queue: 'chat-q',
        skills: [{ skill: 'english', minLevel: 1 }],
        preferredRep: { repId: 'rep-a' },
      },
      'skills',
    ],
    ['a missing source', { channel: 'chat', queue: 'chat-q' }, 'source'],
    ['a wrong-typed priority', { channel: 'chat', source: 's', queue: 'chat-q', priority: 'high' }, 'priority'],
    ['a negative size', { channel: 'chat', source: 's', queue: 'chat-q', size: { units: -5 } }, 'size.units'],
    [
      'NaN as secondary priority',
      { channel: 'chat', source: 's', queue: 'chat-q', secondaryPriority: Number.NaN },
      'secondaryPriority',
    ],
    [
      'an additional skill without drop time',
      { channel: 'chat', source: 's', queue: 'chat-q', skills: [{ skill: 'english', minLevel: 1, additional: true }] },
      'skills[0].dropAfterSeconds',
    ],
    ['an unknown field', { channel: 'chat', source: 's', queue: 'chat-q', colour: 'red' }, 'colour'],
  ])('rejects %s, naming the field, and stores nothing', async (_name, input, field) => {
    const h = await makeHarness(smallCenter());
    const err = await h.router.submitWork(input as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe(field);
    expect((await h.snapshot()).items).toHaveLength(0);
  });
});
