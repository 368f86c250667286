import { transferCenter } from '../fixtures/transfer-center';
import { corpus, type Runner, rows, runners } from '../support/bad-input';
import { type Harness, makeHarness } from '../support/harness';

describe('bad-input corpus (semantics §12): a clear error naming the field, and no state change', () => {
  let h: Harness;
  let offered: { itemId: string; offerId: string };
  let run: Record<string, Runner>;
  beforeAll(async () => {
    h = await makeHarness(transferCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { decision } = await h.router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    if (decision.routing?.kind !== 'offered') throw new Error('setup: chat-1 was not offered');
    offered = { itemId: decision.itemId, offerId: decision.routing.offerId };
    await h.router.submitWork({ channel: 'voice', source: 'call-known', queue: 'voice-q' });
    run = runners(h);
  });

  it('covers every entry point that takes input', () => {
    expect(Object.keys(corpus).sort()).toEqual([
      'callback-request',
      'command-center-feed',
      'connect-contact-events',
      'contact-flow-handoff',
      'desktop-authorizer',
      'http-api',
      'recording-arrived',
      'timers',
      'voicemail',
      'work-submitted',
    ]);
  });

  const cases = Object.entries(corpus).flatMap(([entryPoint, list]) =>
    list.map((c) => [entryPoint, c.name, c] as const),
  );
  it.each(cases)('%s: %s', async (entryPoint, _name, c) => {
    const before = await rows(h);
    const field = await run[entryPoint]!(c, offered);
    expect(field).toBe(c.ignored ? undefined : c.field);
    expect(await rows(h)).toBe(before);
  });

  it('control: the same events unbroken do change the table, so "no change" above is meaningful', async () => {
    const before = await rows(h);
    await run['work-submitted']!({ name: 'valid', unset: ['detail.none'] }, offered).catch(() => undefined);
    expect(await rows(h)).not.toBe(before);
    const again = await rows(h);
    await run['contact-flow-handoff']!({ name: 'valid' }, offered).catch(() => undefined);
    expect(await rows(h)).not.toBe(again);
  });
});
