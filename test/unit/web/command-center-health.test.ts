import {
  breaches,
  type QueueView,
  serviceLevelHealth,
  sparkline,
  waitHealth,
} from '../../../web/command-center/src/health';

const queue = (over: Partial<QueueView> & { sl?: number | null }): QueueView =>
  ({
    id: 'q1',
    name: 'Support chat',
    longestWaitSeconds: 0,
    targets: { serviceLevel: 0.8, longestWaitSeconds: 120 },
    windows: { '15m': { serviceLevel: over.sl ?? null } },
    ...over,
  }) as unknown as QueueView;

describe('the Command Center judges each queue against its targets', () => {
  it('service level: met, within ten points, or a breach; nothing answered is no state', () => {
    expect([0.8, 0.75, 0.69, null].map((x) => serviceLevelHealth(x, 0.8))).toEqual([
      'ok',
      'warning',
      'breach',
      undefined,
    ]);
  });

  it('longest wait: under half the limit, up to it, past it', () => {
    expect([59, 60, 119, 120].map((s) => waitHealth(s, 120))).toEqual(['ok', 'warning', 'warning', 'breach']);
  });

  it('says each breach as a supervisor would, and nothing for a queue within its targets', () => {
    const lines = breaches(
      [queue({ sl: 0.62, longestWaitSeconds: 250 }), queue({ id: 'q2', name: 'Sales', sl: 0.9 })],
      '15m',
      'in the last 15 minutes',
    );
    expect(lines).toEqual([
      'Support chat: service level 62% against 80% in the last 15 minutes',
      'Support chat: waiting 4m 10s, past the 2m 00s limit',
    ]);
  });

  it('draws a trend oldest first, skipping minutes with no value', () => {
    expect(sparkline([0, null, 1], 1, 100, 10)).toBe('0.0,10.0 100.0,0.0');
  });
});
