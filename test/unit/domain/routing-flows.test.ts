import { registerRoutingFlow, routingFlow } from '../../../lambdas/domain/routing-flows';

const at = (iso: string) => Date.parse(iso);
const input = (attributes: Record<string, string>, now: number) => ({
  channel: 'voice',
  queueId: 'support',
  attributes,
  skills: [],
  now,
});

describe('routing flows (semantics §9)', () => {
  it('business-hours@1 keeps the item in its queue inside opening hours, in the given time zone', () => {
    const flow = routingFlow('business-hours', 1)!;
    const attrs = { afterHoursQueue: 'voicemail', timeZone: 'America/New_York' };
    // 14:00 UTC is 09:00 in New York (winter): open.
    expect(flow(input(attrs, at('2026-01-05T14:00:00Z')))).toEqual({ kind: 'queue', queueId: 'support' });
    // 12:00 UTC is 07:00 in New York: closed.
    expect(flow(input(attrs, at('2026-01-05T12:00:00Z')))).toEqual({ kind: 'queue', queueId: 'voicemail' });
    expect(
      flow(input({ afterHoursQueue: 'voicemail', openHour: '0', closeHour: '24' }, at('2026-01-05T03:00:00Z'))),
    ).toEqual({ kind: 'queue', queueId: 'support' });
    expect(() => flow(input({}, at('2026-01-05T23:00:00Z')))).toThrow('afterHoursQueue');
  });

  it("attribute-queue@1 and vip@1 read the item's attributes", () => {
    expect(routingFlow('attribute-queue', 1)!(input({ targetQueue: 'billing' }, 0))).toEqual({
      kind: 'queue',
      queueId: 'billing',
    });
    expect(() => routingFlow('attribute-queue', 1)!(input({}, 0))).toThrow('targetQueue');
    expect(routingFlow('vip', 1)!(input({ customerTier: 'gold' }, 0))).toEqual({
      kind: 'skills',
      queueId: 'support',
      requirements: [{ skill: 'vip', minLevel: 5 }],
    });
    expect(routingFlow('vip', 1)!(input({ customerTier: 'silver' }, 0))).toEqual({ kind: 'queue', queueId: 'support' });
  });

  it('versions are immutable: registering the same name and version twice is refused', () => {
    registerRoutingFlow('test-flow', 1, () => ({ kind: 'queue', queueId: 'a' }));
    expect(() => registerRoutingFlow('test-flow', 1, () => ({ kind: 'queue', queueId: 'b' }))).toThrow(
      'already registered',
    );
    expect(routingFlow('test-flow', 2)).toBeUndefined();
  });
});
