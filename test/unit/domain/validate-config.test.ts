import exampleCenter from '../../../examples/contact-center.json';
import { validateConfig } from '../../../lambdas/domain/config/validate-config';
import { smallCenter } from '../../fixtures/small-center';
import { transferCenter } from '../../fixtures/transfer-center';

const problemsOf = (input: unknown) => {
  const r = validateConfig(input);
  return r.ok ? [] : r.problems;
};

describe('validateConfig (semantics §2)', () => {
  it('accepts the example center: all seven channels, queues, skills, groups, routing flows, 20+ reps', () => {
    const r = validateConfig(exampleCenter);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.channels.map((c) => c.name)).toEqual([
      'voice',
      'chat',
      'messaging',
      'email',
      'case',
      'voicemail',
      'callback',
    ]);
    expect(r.config.routingFlows.map((f) => `${f.name}@${f.version}`)).toEqual([
      'business-hours@1',
      'attribute-queue@1',
    ]);
    expect(r.config.queues.length).toBeGreaterThanOrEqual(3);
    expect(r.config.groups.length).toBeGreaterThanOrEqual(2);
    expect(r.config.reps.length).toBeGreaterThanOrEqual(20);
  });

  it('makes asynchronous channels interruptible by default when interruptible capacity is enabled', () => {
    const r = validateConfig(smallCenter());
    expect(r.ok && r.config.channels.map((c) => [c.name, c.interruptible])).toEqual([
      ['voice', false],
      ['chat', false],
      ['case', true],
    ]);
  });

  it.each([
    [
      'unknown queue on a rep',
      { reps: [{ id: 'r', group: 'g1', queues: ['nope'] }] },
      "reps[0].queues[0]: unknown queue 'nope'",
    ],
    ['unknown group', { reps: [{ id: 'r', group: 'gX', queues: [] }] }, "reps[0].group: unknown group 'gX'"],
    [
      'unknown skill',
      { reps: [{ id: 'r', group: 'g1', skills: { juggling: 3 } }] },
      "reps[0].skills.juggling: unknown skill 'juggling'",
    ],
    [
      'unknown status on decline',
      { presenceConfigs: [{ id: 'std', capacity: 100, statusOnDecline: 'lunch' }] },
      "presenceConfigs[0].statusOnDecline: unknown status 'lunch'",
    ],
    [
      'unknown channel in a status',
      { statuses: [{ id: 'x', name: 'X', channels: ['fax'] }] },
      "statuses[0].channels[0]: unknown channel 'fax'",
    ],
    [
      'size larger than capacity',
      { presenceConfigs: [{ id: 'std', capacity: 40 }] },
      "reps[0].queues[1]: queue 'chat-q' work size 50 exceeds the rep's capacity 40",
    ],
    [
      'duplicate rep ids',
      {
        reps: [
          { id: 'r', group: 'g1' },
          { id: 'r', group: 'g1' },
        ],
      },
      "reps[1]: duplicate rep id 'r'",
    ],
    [
      'wrong type',
      { queues: [{ id: 'q', channel: 'chat', priority: 'high', routingModel: 'MostAvailable', size: { units: 1 } }] },
      'queues[0].priority:',
    ],
    ['missing field', { groups: [{ id: 'g1', presenceConfig: 'std' }] }, 'groups[0].name:'],
  ])('names the problem: %s', (_name, overrides, expected) => {
    expect(problemsOf(smallCenter(overrides as never)).join('\n')).toContain(expected);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(
      smallCenter({
        reps: [
          { id: 'r1', group: 'nope', queues: ['q9'] },
          { id: 'r1', group: 'g1', skills: { x: 1 } },
        ],
      } as never),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "reps[1]: duplicate rep id 'r1'",
        "reps[0].group: unknown group 'nope'",
        "reps[0].queues[0]: unknown queue 'q9'",
        "reps[1].skills.x: unknown skill 'x'",
      ]),
    );
  });

  it('requires voice queues to take 100% of primary capacity (Respect Rep Capacity)', () => {
    const queues = smallCenter().queues.map((q) => (q.id === 'voice-q' ? { ...q, size: { units: 50 } } : q));
    expect(problemsOf(smallCenter({ queues }))).toContain(
      'queues[0].size: voice work is 100% of primary capacity (use {"percentage": 100})',
    );
  });

  it('rejects an overflow to an unknown queue and to itself', () => {
    const queues = smallCenter().queues.map((q) =>
      q.id === 'chat-q' ? { ...q, overflow: { afterSeconds: 10, toQueue: 'chat-q' } } : q,
    );
    expect(problemsOf(smallCenter({ queues }))).toContain(
      'queues[1].overflow.toQueue: a queue cannot overflow to itself',
    );
  });

  it('checks routing flows against the code and queues, and destination lists (semantics §9)', () => {
    const base = transferCenter();
    const problems = problemsOf({
      ...base,
      routingFlows: [
        { name: 'attribute-queue', version: 7, fallbackQueue: 'chat-q' },
        { name: 'vip', version: 1, fallbackQueue: 'nowhere' },
        { name: 'vip', version: 1, fallbackQueue: 'chat-q' },
      ],
      groups: [
        ...base.groups,
        {
          id: 'g3',
          name: 'G3',
          presenceConfig: 'std',
          transferDestinations: { queues: ['ghost-q'], reps: ['rep-ghost'], routingFlows: ['no-flow'] },
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'routingFlows[0]: no routing flow attribute-queue@7 is registered in the code',
        "routingFlows[1].fallbackQueue: unknown queue 'nowhere'",
        "routingFlows[2].name: routing flow 'vip' is configured twice (one version per flow)",
        "groups[2].transferDestinations.queues[0]: unknown queue 'ghost-q'",
        "groups[2].transferDestinations.reps[0]: unknown rep 'rep-ghost'",
        "groups[2].transferDestinations.routingFlows[0]: unknown routing flow 'no-flow'",
      ]),
    );
  });
});
