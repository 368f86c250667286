import { InvalidInputError, NotFoundError } from '../../lambdas/domain/errors';
import { transferCenter } from '../fixtures/transfer-center';
import { compiled, endState, noViolations } from '../support/end-state';
import { type Harness, makeHarness } from '../support/harness';

const config = compiled(transferCenter());

/** rep-a holds an accepted chat; rep-b and rep-c are logged in too. */
async function assignedChat(attributes: Record<string, string> = {}) {
  const h = await makeHarness(transferCenter());
  await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
  const { decision } = await h.router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q', attributes });
  await h.router.accept({ itemId: decision.itemId });
  await h.router.logIn({ repId: 'rep-b', statusId: 'available' });
  h.events.clear();
  return { h, itemId: decision.itemId };
}

const invariantsHold = async (h: Harness) => expect((await endState(h, config)).report).toEqual(noViolations);

describe('transfers (semantics §9)', () => {
  it('to a rep: one transaction releases the sender and offers it to the rep without the decline option', async () => {
    const { h, itemId } = await assignedChat();
    const { decision } = await h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'rep', repId: 'rep-b' } });
    expect(decision).toEqual({ kind: 'transferred', itemId, to: { kind: 'rep', id: 'rep-b' }, offeredTo: 'rep-b' });
    expect(await h.item(itemId)).toMatchObject({
      state: 'Offered',
      reservation: { repId: 'rep-b', declinable: false },
    });
    expect((await h.rep('rep-a')).used.primary).toBe(0);
    expect((await h.rep('rep-b')).used.primary).toBe(50);
    expect(h.events.events.map((e) => e.type)).toEqual(['work.transferred', 'work.queued', 'offer.created']);
    await expect(h.router.decline({ itemId, repId: 'rep-b', reason: 'busy' })).rejects.toMatchObject({
      field: 'itemId',
    });
    await invariantsHold(h);
  });

  it('to a queue keeps requestedAt, unless told not to', async () => {
    const { h, itemId } = await assignedChat();
    const requestedAt = (await h.item(itemId)).requestedAt;
    h.clock.advance(60_000);
    await h.router.changeStatus({ repId: 'rep-b', statusId: 'busy' });
    await h.router.changeStatus({ repId: 'rep-a', statusId: 'busy' });
    await h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'queue', queueId: 'chat-2' } });
    expect(await h.item(itemId)).toMatchObject({ state: 'Queued', queueId: 'chat-2', requestedAt });
    const again = await assignedChat();
    again.h.clock.advance(60_000);
    await again.h.router.transfer({
      itemId: again.itemId,
      repId: 'rep-a',
      to: { kind: 'queue', queueId: 'chat-2', keepRequestedAt: false },
    });
    expect((await again.h.item(again.itemId)).requestedAt).toBe(again.h.clock.now());
    expect(again.h.events.ofType('work.transferred')[0]).toMatchObject({
      fromRepId: 'rep-a',
      to: { kind: 'queue', id: 'chat-2' },
    });
    await invariantsHold(h);
  });

  it('to a rep who cannot take it now: waits for them (goes to them when they can), else falls back', async () => {
    const waits = await assignedChat();
    await waits.h.router.logIn({ repId: 'rep-c', statusId: 'busy' });
    const { decision } = await waits.h.router.transfer({
      itemId: waits.itemId,
      repId: 'rep-a',
      to: { kind: 'rep', repId: 'rep-c' },
    });
    expect(decision).toMatchObject({ kind: 'transferred', offeredTo: undefined });
    expect(await waits.h.item(waits.itemId)).toMatchObject({
      state: 'Queued',
      target: { kind: 'rep', repId: 'rep-c', required: false },
    });
    await waits.h.router.changeStatus({ repId: 'rep-c', statusId: 'available' });
    expect((await waits.h.item(waits.itemId)).reservation).toMatchObject({ repId: 'rep-c', declinable: true });

    const fallsBack = await assignedChat();
    await fallsBack.h.router.logIn({ repId: 'rep-c', statusId: 'busy' });
    await fallsBack.h.router.changeStatus({ repId: 'rep-b', statusId: 'busy' });
    await fallsBack.h.router.transfer({
      itemId: fallsBack.itemId,
      repId: 'rep-a',
      to: { kind: 'rep', repId: 'rep-c' },
    });
    await fallsBack.h.advance(31_000);
    expect(fallsBack.h.events.ofType('work.fellBack')).toHaveLength(1);
    expect((await fallsBack.h.item(fallsBack.itemId)).reservation).toMatchObject({ repId: 'rep-a' });
    await invariantsHold(fallsBack.h);
  });

  it('to a routing flow: it picks the target; a failing flow sends the item to its fallback queue', async () => {
    const routed = await assignedChat({ targetQueue: 'chat-2' });
    const ok = await routed.h.router.transfer({
      itemId: routed.itemId,
      repId: 'rep-a',
      to: { kind: 'routingFlow', name: 'attribute-queue' },
    });
    expect(ok.decision).toMatchObject({ kind: 'transferred', to: { kind: 'queue', id: 'chat-2' } });
    expect(routed.h.events.ofType('work.transferred')[0]).toMatchObject({ via: 'attribute-queue@1' });

    const failing = await assignedChat({ targetQueue: 'no-such-queue' });
    await failing.h.router.transfer({
      itemId: failing.itemId,
      repId: 'rep-a',
      to: { kind: 'routingFlow', name: 'attribute-queue' },
    });
    expect((await failing.h.item(failing.itemId)).queueId).toBe('chat-q');
    expect(failing.h.events.ofType('routingFlow.failed')).toEqual([
      expect.objectContaining({
        flow: 'attribute-queue@1',
        fallbackQueue: 'chat-q',
        error: expect.stringContaining('no-such-queue'),
      }),
    ]);

    const vip = await assignedChat({ customerTier: 'gold' });
    await vip.h.router.transfer({ itemId: vip.itemId, repId: 'rep-a', to: { kind: 'routingFlow', name: 'vip' } });
    expect((await vip.h.item(vip.itemId)).target).toEqual({
      kind: 'skills',
      requirements: [{ skill: 'vip', minLevel: 5 }],
    });
  });

  it('refuses unknown and forbidden targets, naming the field, and changes nothing', async () => {
    const { h, itemId } = await assignedChat();
    const before = await h.snapshot();
    const attempt = (to: unknown, repId = 'rep-a') =>
      h.router.transfer({ itemId, repId, to: to as never }).then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(await attempt({ kind: 'queue', queueId: 'nope' })).toMatchObject({
      field: 'to.queueId',
      constructor: NotFoundError,
    });
    expect(await attempt({ kind: 'rep', repId: 'rep-zz' })).toMatchObject({
      field: 'to.repId',
      constructor: NotFoundError,
    });
    expect(await attempt({ kind: 'routingFlow', name: 'nope' })).toMatchObject({ field: 'to.name' });
    expect(await attempt({ kind: 'queue', queueId: 'case-q' })).toMatchObject({ field: 'to.queueId' });
    expect(await attempt({ kind: 'rep', repId: 'rep-a' })).toMatchObject({ field: 'to.repId' });
    expect(await attempt({ kind: 'queue', queueId: 'chat-2' }, 'rep-b')).toMatchObject({ field: 'repId' });
    expect(await attempt({ kind: 'teleport' })).toBeInstanceOf(InvalidInputError);
    expect((await h.snapshot()).rows).toEqual(before.rows);
  });

  it('a group with a destination list may use only what it lists', async () => {
    const h = await makeHarness(transferCenter());
    await h.router.logIn({ repId: 'rep-d', statusId: 'available' });
    const { decision } = await h.router.submitWork({ channel: 'chat', source: 'chat-9', queue: 'chat-q' });
    await h.router.accept({ itemId: decision.itemId });
    const attempt = (to: unknown) =>
      h.router.transfer({ itemId: decision.itemId, repId: 'rep-d', to: to as never }).then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(await attempt({ kind: 'queue', queueId: 'chat-2' })).toMatchObject({
      field: 'to.queueId',
      message: expect.stringContaining("group 'g2' may not transfer"),
    });
    expect(await attempt({ kind: 'rep', repId: 'rep-b' })).toMatchObject({ field: 'to.repId' });
    expect(await attempt({ kind: 'routingFlow', name: 'vip' })).toMatchObject({ field: 'to.name' });
    expect(
      (await h.router.transfer({ itemId: decision.itemId, repId: 'rep-d', to: { kind: 'queue', queueId: 'chat-q' } }))
        .decision.kind,
    ).toBe('transferred');
  });

  it('a stale transfer (not assigned, or already moved) changes nothing', async () => {
    const { h, itemId } = await assignedChat();
    await h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'rep', repId: 'rep-b' } });
    const again = await h.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'queue', queueId: 'chat-2' } });
    expect(again.decision).toEqual({ kind: 'stale', itemId, state: 'Offered' });
  });
});
