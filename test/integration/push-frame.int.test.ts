import { InvalidInputError } from '../../lambdas/domain/errors';
import { PUSH_FRAME_BYTES } from '../../lambdas/domain/routing/desktop-messages';
import { MAX_ATTRIBUTES, MAX_ATTRIBUTES_BYTES } from '../../lambdas/domain/use-cases/submission';
import { smallCenter } from '../fixtures/small-center';
import { makeHarness } from '../support/harness';

/** Pushes fit API Gateway's 32 KB WebSocket frame whatever a rep holds (issue #34, item 5). */
const bytes = (m: unknown) => new TextEncoder().encode(JSON.stringify(m)).length;
/** Attributes at the limits: 32 of them, 4 KB of keys and values in all. */
const fullAttributes = () =>
  Object.fromEntries(
    Array.from({ length: MAX_ATTRIBUTES }, (_, i) => [`k${String(i).padStart(2, '0')}`, 'v'.repeat(125)]),
  );

describe('push messages bounded to one frame', () => {
  it('refuses a submission past the attribute limits, naming the field, and stores nothing', async () => {
    const h = await makeHarness(smallCenter());
    const submit = (attributes: Record<string, string>) =>
      h.router.submitWork({
        channel: 'chat',
        source: `c-${Object.keys(attributes).length}`,
        queue: 'chat-q',
        attributes,
      });
    const tooMany = { ...fullAttributes(), extra: 'x' };
    await expect(submit(tooMany)).rejects.toMatchObject({ field: 'attributes', message: /33 attributes: at most 32/ });
    const tooBig = { k: 'v'.repeat(MAX_ATTRIBUTES_BYTES) };
    await expect(submit(tooBig)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await h.store.itemIdForSource('chat', 'c-33')).toBeUndefined();
    // The fixture is exactly at the limit: 32 keys and values, 4,096 bytes.
    expect(new TextEncoder().encode(Object.entries(fullAttributes()).flat().join('')).length).toBe(
      MAX_ATTRIBUTES_BYTES,
    );
  });

  it('answers sync within a frame for a rep holding the most the configuration allows, at the limits', async () => {
    const base = smallCenter();
    // One unit per chat: a rep of capacity 100 holds a hundred, each at the attribute limits.
    const h = await makeHarness({
      ...base,
      queues: base.queues!.map((q) => (q.id === 'chat-q' ? { ...q, size: { units: 1 } } : q)),
      presenceConfigs: base.presenceConfigs!.map((p) => ({ ...p, autoAccept: true })),
    });
    await h.router.logIn({ repId: 'rep-a', statusId: 'digital' });
    const small = await h.router.desktopSnapshot('rep-a');
    expect(small.type).toBe('snapshot');
    for (let n = 1; n <= 100; n++)
      await h.router.submitWork({
        channel: 'chat',
        source: `full-${n}`,
        queue: 'chat-q',
        attributes: fullAttributes(),
      });
    const view = await h.router.repView('rep-a');
    expect(view.items).toHaveLength(100);
    const answer = await h.router.desktopSnapshot('rep-a');
    expect(bytes(answer)).toBeLessThanOrEqual(PUSH_FRAME_BYTES);
    expect(answer).toEqual({ type: 'snapshotByReference', at: expect.any(Number) });
    // Each item's own push fits too: the largest event message carries one item at the limits.
    expect(bytes({ type: 'event', event: {}, item: view.items[0], rep: view.rep })).toBeLessThan(PUSH_FRAME_BYTES / 4);
  });
});
