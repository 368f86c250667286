import { smallCenter } from '../fixtures/small-center';
import { makeHarness } from '../support/harness';

describe('router on DynamoDB Local', () => {
  it('offers a submitted chat to a logged-in rep and completes it', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const submitted = await h.router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    expect(submitted.decision).toMatchObject({
      kind: 'submitted',
      duplicate: false,
      routing: { kind: 'offered', repId: 'rep-a' },
    });
    const itemId = submitted.decision.itemId;
    await h.router.accept({ itemId, repId: 'rep-a' });
    expect((await h.rep('rep-a')).used.primary).toBe(50);
    await h.router.complete({ itemId });
    expect((await h.item(itemId)).state).toBe('Completed');
    expect((await h.rep('rep-a')).used.primary).toBe(0);
    expect(h.events.events.map((e) => e.type)).toEqual([
      'rep.presenceChanged',
      'work.queued',
      'offer.created',
      'offer.accepted',
      'work.assigned',
      'work.completed',
    ]);
  });
});
