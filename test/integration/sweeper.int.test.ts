import { rankKey } from '../../lambdas/domain/routing/ordering';
import { SWEEP_GRACE_MS } from '../../lambdas/domain/use-cases/sweep';
import { smallCenter } from '../fixtures/small-center';
import { transferCenter } from '../fixtures/transfer-center';
import { aWorkItem } from '../support/builders';
import { InjectedCrash, SideEffectFaults } from '../support/faults';
import { makeHarness } from '../support/harness';

describe('sweeper: repairs what lost triggers and crashes left (issue: timers and sweeper)', () => {
  it('times out an offer whose push-timeout timer was lost, and routes the item to someone else', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const itemId = (await h.router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' })).decision.itemId;
    h.timers.takeDue(Number.MAX_SAFE_INTEGER); // the crash: the timer never reached the queue
    await h.router.logIn({ repId: 'rep-b' });
    h.clock.advance(30_000 + SWEEP_GRACE_MS - 1);
    expect(await h.router.sweep()).toMatchObject({ timedOut: 0 });
    h.clock.advance(2);
    expect(await h.router.sweep()).toMatchObject({ timedOut: 1 });
    expect(await h.item(itemId)).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-b' } });
    expect((await h.rep('rep-a')).used.primary).toBe(0);
  });

  it('reports a voicemail missing whose recording deadline timer was lost, and not before the deadline', async () => {
    const h = await makeHarness(transferCenter());
    const scheduled = (
      await h.router.requestCallback({
        source: 'cb',
        queue: 'callback-q',
        phoneNumber: '+15550100001',
        at: h.clock.now() + 7_200_000,
      })
    ).decision.itemId;
    const voicemail = (
      await h.router.storeVoicemail({ contactId: 'vm-1', queue: 'voicemail-q', recordingWaitSeconds: 600 })
    ).decision.itemId!;
    h.timers.takeDue(Number.MAX_SAFE_INTEGER); // the crash: neither timer reached the queue
    h.clock.advance(600_000 + SWEEP_GRACE_MS - 1);
    expect(await h.router.sweep()).toMatchObject({ recordingsMissing: 0, callbacksDue: 0 });
    h.clock.advance(2);
    expect(await h.router.sweep()).toMatchObject({ recordingsMissing: 1, callbacksDue: 0 });
    expect(await h.item(voicemail)).toMatchObject({ state: 'Canceled', outcome: 'recordingMissing' });
    // The callback due later in the same scheduled list is left for its time.
    expect((await h.item(scheduled)).state).toBe('Scheduled');
    expect(await h.router.sweep()).toMatchObject({ recordingsMissing: 0 });
  });

  it('ends a wrap-up whose timer was lost, releasing the capacity it held', async () => {
    const h = await makeHarness(
      smallCenter({
        channels: [
          { name: 'voice', realTime: true, wrapUpSeconds: 20 },
          { name: 'chat', realTime: true },
          { name: 'case', realTime: false },
        ],
      }),
    );
    await h.router.logIn({ repId: 'rep-a' });
    const itemId = (await h.router.submitWork({ channel: 'voice', source: 'call', queue: 'voice-q' })).decision.itemId;
    await h.router.accept({ itemId });
    await h.router.complete({ itemId });
    h.timers.takeDue(Number.MAX_SAFE_INTEGER);
    h.clock.advance(20_000 + SWEEP_GRACE_MS + 1);
    expect(await h.router.sweep()).toMatchObject({ wrapUpsEnded: 1 });
    expect(await h.rep('rep-a')).toMatchObject({ used: { primary: 0 }, activeItems: 0 });
  });

  it('routes work that a crash left queued after it was stored', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'digital' });
    const config = await h.deps.config.get();
    const orphan = (id: string, queueId: string, channel: string) =>
      aWorkItem({ id, channel, source: id, queueId, interruptible: channel === 'case' });
    // Stored, then the process died before routing it.
    const item = orphan('lost-chat', 'chat-q', 'chat');
    await h.store.commit([
      { kind: 'createItem', item, claimedAt: h.clock.now(), rank: rankKey(item, config.queue(item.queueId)) },
    ]);
    h.clock.advance(90_000);
    const report = await h.router.sweep();
    // The orphan had waited 90 s at its queue head: the sweeper reports it for the longest-wait alarm.
    expect(report).toMatchObject({ routed: 1, longestWaitSeconds: 90 });
    expect((await h.item('lost-chat')).reservation?.repId).toBe('rep-a');
    expect(await h.router.sweep()).toMatchObject({ routed: 0, timedOut: 0, wrapUpsEnded: 0 });
  });

  it("rescinds an offer that outlived its rep's session (a crash between logout and its rescinds)", async () => {
    const side = new SideEffectFaults();
    const h = await makeHarness(smallCenter(), { ports: side.ports });
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { decision } = await h.router.submitWork({ channel: 'case', source: 'case-1', queue: 'case-q' });
    expect(decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
    side.crashIn(0);
    await expect(h.router.logOut({ repId: 'rep-a' })).rejects.toBeInstanceOf(InjectedCrash);
    expect((await h.item(decision.itemId)).state).toBe('Offered');
    await h.router.logIn({ repId: 'rep-b', statusId: 'available' });
    expect(await h.router.sweep()).toMatchObject({ rescinded: 1 });
    expect((await h.item(decision.itemId)).reservation?.repId).toBe('rep-b');
    expect((await h.rep('rep-a')).used).toEqual({ primary: 0, interruptible: 0 });
  });
});
