import * as people from '../../lambdas/adapters/local/connect-emulator/people';
import { smallCenter } from '../fixtures/small-center';
import { transferCenter } from '../fixtures/transfer-center';
import { T0 } from '../support/harness';
import { type VoiceCenter, voiceCenter } from '../support/voice-center';

/**
 * Voice end to end on the local Amazon Connect (semantics §8): the hand-off, the contact-event handler and the
 * telephony adapter as deployed, against an instance that delivers a call only where Connect would.
 */
let v: VoiceCenter;
afterEach(async () => v?.stop());

describe('voice on the Connect emulator', () => {
  it('a call reaches the targeted rep, is answered, wraps up, and frees the rep', async () => {
    v = await voiceCenter();
    await v.ready('rep-a');
    const contactId = await v.call();
    expect(v.instance.user(v.users['rep-a']!.id).contact).toMatchObject({ contactId, state: 'CONNECTING' });
    people.answer(v.instance, v.users['rep-a']!.id);
    await v.advance(0);
    expect(await v.itemOf(contactId)).toMatchObject({ state: 'Assigned', reservation: { repId: 'rep-a' } });
    await v.advance(60_000);
    people.hangUpCustomer(v.instance, contactId);
    await v.advance(0);
    expect((await v.itemOf(contactId)).state).toBe('WrapUp');
    await v.advance(30_000);
    expect((await v.itemOf(contactId)).state).toBe('Completed');
    expect((await v.rep('rep-a')).used.primary).toBe(0);
  });

  it('a rep who answers after their offer timed out gets the call, and the rep offered next is freed', async () => {
    v = await voiceCenter({ ringSeconds: 30 });
    await v.ready('rep-a');
    await v.ready('rep-b');
    const contactId = await v.call();
    const first = (await v.itemOf(contactId)).reservation!.repId;
    const second = first === 'rep-a' ? 'rep-b' : 'rep-a';
    // The push timeout (20 s) passes while the phone still rings (30 s): the router offers the call to the other
    // rep, and then the first one answers.
    await v.advance(20_000);
    expect((await v.itemOf(contactId)).reservation?.repId).toBe(second);
    people.answer(v.instance, v.users[first]!.id);
    await v.advance(0);
    const item = await v.itemOf(contactId);
    expect(item).toMatchObject({ state: 'Assigned', reservation: { repId: first } });
    expect((await v.rep(second)).used.primary).toBe(0);
    expect((await v.rep(first)).used.primary).toBe(100);
    expect(v.events.ofType('offer.rescinded').at(-1)).toMatchObject({
      repId: second,
      reason: 'connectedToAnotherAgent',
    });
    expect(v.events.ofType('work.assigned').at(-1)).toMatchObject({ repId: first });
  });

  it("sets the router's status in Connect: with voice it is Available, without it is not routable", async () => {
    v = await voiceCenter();
    await v.ready('rep-a');
    const user = v.instance.user(v.users['rep-a']!.id);
    expect(v.instance.status(user.status.statusId).name).toBe('Available');
    await v.router.changeStatus({ repId: 'rep-a', statusId: 'digital' });
    await v.advance(0);
    expect(v.instance.status(user.status.statusId).name).toBe('Offline');
    await v.router.logOut({ repId: 'rep-a' });
    await v.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await v.advance(0);
    expect(v.instance.status(user.status.statusId).name).toBe('Available');
  });

  it('offers no call to a rep Connect shows on a break, and says why in the offer explanation', async () => {
    v = await voiceCenter();
    v.instance.addAgentStatus('Break', 'CUSTOM');
    await v.ready('rep-a');
    await v.ready('rep-b');
    people.chooseStatus(v.instance, v.users['rep-a']!.id, 'Break');
    await v.advance(0);
    expect((await v.rep('rep-a')).voiceBlock).toBe('notRoutable');
    const contactId = await v.call();
    expect((await v.itemOf(contactId)).reservation?.repId).toBe('rep-b');
    const offer = v.events.ofType('offer.created').at(-1)!;
    expect(offer.explanation.ineligibleByReason).toMatchObject({ connectCannotDeliver: 1 });
    expect(v.instance.user(v.users['rep-b']!.id).contact).toMatchObject({ contactId, state: 'CONNECTING' });
  });

  it('offers no call to a rep signed out of the softphone, though the router has them Available', async () => {
    v = await voiceCenter();
    await v.ready('rep-a');
    people.signOut(v.instance, v.users['rep-a']!.id);
    await v.advance(0);
    const contactId = await v.call();
    expect((await v.itemOf(contactId)).state).toBe('Queued');
    expect((await v.rep('rep-a')).voiceBlock).toBe('offline');
    // Signed in again and set Available by the router's own status: the waiting call is offered at once.
    await v.ready('rep-b');
    expect((await v.itemOf(contactId)).reservation?.repId).toBe('rep-b');
  });

  it('keeps calls from a rep in after-contact work with no time limit until they close the contact', async () => {
    v = await voiceCenter();
    await v.ready('rep-a');
    const first = await v.call();
    people.answer(v.instance, v.users['rep-a']!.id);
    await v.advance(10_000);
    people.hangUpCustomer(v.instance, first);
    // The router's wrap-up (30 s) ends; Connect's after-contact work (limit 0) does not.
    await v.advance(40_000);
    expect((await v.itemOf(first)).state).toBe('Completed');
    expect((await v.rep('rep-a')).voiceBlock).toBe('afterContactWork');
    const next = await v.call();
    expect((await v.itemOf(next)).state).toBe('Queued');
    people.closeContact(v.instance, v.users['rep-a']!.id);
    await v.advance(0);
    expect((await v.itemOf(next)).reservation?.repId).toBe('rep-a');
    expect(v.instance.user(v.users['rep-a']!.id).contact).toMatchObject({ contactId: next, state: 'CONNECTING' });
  });

  it('clears a call the rep missed after its offer had already timed out: they are not left blocked', async () => {
    v = await voiceCenter({ ringSeconds: 25 });
    await v.ready('rep-a');
    await v.ready('rep-b');
    const contactId = await v.call();
    const first = (await v.itemOf(contactId)).reservation!.repId;
    people.closeSoftphone(v.instance, v.users[first]!.id);
    // The push timeout (20 s) comes first; the ring ends in a miss at 25 s.
    await v.advance(25_000);
    expect(v.instance.user(v.users[first]!.id).contact).toBeUndefined();
    expect((await v.rep(first)).voiceBlock).toBeUndefined();
  });

  it('a missed call times out at once: status on timeout, the agent put back, the next rep offered', async () => {
    v = await voiceCenter({
      ringSeconds: 10,
      config: (users) => {
        const base = smallCenter();
        return {
          ...base,
          presenceConfigs: base.presenceConfigs!.map((p) => ({ ...p, statusOnPushTimeout: 'busy' })),
          reps: base.reps!.map((r) => ({ ...r, connectUserId: users[r.id] })),
        };
      },
    });
    await v.ready('rep-a');
    await v.ready('rep-b');
    const contactId = await v.call();
    const first = (await v.itemOf(contactId)).reservation!.repId;
    const second = first === 'rep-a' ? 'rep-b' : 'rep-a';
    // The rep's softphone window was closed: Connect still shows them Available, so the call rings nowhere.
    people.closeSoftphone(v.instance, v.users[first]!.id);
    await v.advance(10_000);
    expect(v.events.ofType('offer.timedOut')).toEqual([expect.objectContaining({ repId: first, at: T0 + 10_000 })]);
    expect((await v.itemOf(contactId)).reservation?.repId).toBe(second);
    expect((await v.rep(first)).statusId).toBe('busy');
    const missed = v.instance.user(v.users[first]!.id);
    expect(missed.contact).toBeUndefined();
    expect(v.instance.status(missed.status.statusId).name).toBe('Offline');
  });
});

describe('callbacks on the Connect emulator (semantics §9)', () => {
  const callbackConfig = (users: Record<string, string>) => {
    const base = transferCenter();
    return { ...base, reps: base.reps.map((r) => ({ ...r, connectUserId: users[r.id] ?? r.connectUserId })) };
  };
  const dialed = async (v: VoiceCenter) => {
    const { decision } = await v.router.requestCallback({
      source: 'web-1',
      queue: 'callback-q',
      phoneNumber: '+441234567890',
    });
    await v.advance(0);
    const item = await v.item(decision.itemId);
    expect(item).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-a' } });
    await v.router.accept({ itemId: item.id, repId: 'rep-a' });
    await v.advance(0);
    return v.item(item.id);
  };

  it('the customer answers but the rep who dialed cannot be reached: another rep gets the call, once', async () => {
    v = await voiceCenter({ config: callbackConfig });
    await v.ready('rep-a');
    const item = await dialed(v);
    const dial = item.callback!.dialContactId!;
    // rep-a's softphone is closed: the answered customer's call rings where nobody answers.
    people.closeSoftphone(v.instance, v.users['rep-a']!.id);
    expect(v.instance.user(v.users['rep-a']!.id).contact).toMatchObject({ contactId: dial, state: 'CONNECTING' });
    await v.ready('rep-b');
    // The targeting step expires with the callback queue's push timeout (30 s): rep-b is offered the call.
    await v.advance(30_000);
    expect(await v.item(item.id)).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-b' } });
    expect((await v.rep('rep-a')).used.primary).toBe(0);
    expect(v.events.ofType('work.queued').at(-1)).toMatchObject({ reason: 'repUnreachable' });
    people.answer(v.instance, v.users['rep-b']!.id);
    await v.advance(0);
    expect(await v.item(item.id)).toMatchObject({
      state: 'Assigned',
      reservation: { repId: 'rep-b' },
      callback: { attempts: 1, connected: true },
    });
    expect(v.events.ofType('callback.dialed')).toHaveLength(1);
  });

  it('the unreachable rep answers after all: the call is theirs, and nobody dials the customer again', async () => {
    v = await voiceCenter({ config: callbackConfig, ringSeconds: 60 });
    await v.ready('rep-a');
    const item = await dialed(v);
    await v.ready('rep-b');
    await v.advance(30_000);
    expect(await v.item(item.id)).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-b' } });
    // Still ringing at rep-a (60 s): they answer, and Connect names them.
    people.answer(v.instance, v.users['rep-a']!.id);
    await v.advance(0);
    expect(await v.item(item.id)).toMatchObject({ state: 'Assigned', reservation: { repId: 'rep-a' } });
    expect((await v.rep('rep-b')).used.primary).toBe(0);
    // The sweeper sees an assignment that never dialed, and dials nobody: the customer is on the line.
    await v.advance(120_000);
    await v.router.sweep();
    expect(v.events.ofType('callback.dialed')).toHaveLength(1);
  });

  it('answered, then hung up before a rep was connected: answeredNotConnected, not called again', async () => {
    v = await voiceCenter({ config: callbackConfig });
    await v.ready('rep-a');
    const item = await dialed(v);
    people.closeSoftphone(v.instance, v.users['rep-a']!.id);
    await v.advance(10_000);
    people.hangUpCustomer(v.instance, item.callback!.dialContactId!);
    await v.advance(3_600_000);
    expect(await v.item(item.id)).toMatchObject({ state: 'Completed', outcome: 'answeredNotConnected' });
    expect(v.events.ofType('callback.attemptFailed')).toEqual([
      expect.objectContaining({ outcome: 'answeredNotConnected', retryAt: undefined }),
    ]);
    expect(v.events.ofType('callback.dialed')).toHaveLength(1);
    expect((await v.rep('rep-a')).used.primary).toBe(0);
  });
});
