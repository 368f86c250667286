import { AccessDeniedException, StartOutboundVoiceContactCommand, ThrottlingException } from '@aws-sdk/client-connect';
import 'aws-sdk-client-mock-jest';
import { acceptOffer } from '../../lambdas/domain/use-cases/offer-responses';
import { callbackHarness, config, connect, HOUR, resetConnect } from '../support/callback-harness';
import { endState, noViolations } from '../support/end-state';

beforeEach(resetConnect);

describe('callbacks: dialing, pacing and repairs (semantics §9)', () => {
  it('dials are paced to the quota and retried when throttled; a dial that fails counts as an attempt', async () => {
    connect
      .on(StartOutboundVoiceContactCommand)
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }))
      .resolvesOnce({ ContactId: 'dial-1' })
      .rejects(new AccessDeniedException({ message: 'no', $metadata: {} }));
    const c = await callbackHarness();
    await c.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const first = (await c.router.requestCallback({ source: 'a', queue: 'callback-q', phoneNumber: '+15551234567' }))
      .decision.itemId;
    await c.router.accept({ itemId: first });
    expect(connect).toHaveReceivedCommandTimes(StartOutboundVoiceContactCommand, 2);
    expect((await c.item(first)).callback?.dialContactId).toBe('dial-1');
    await c.router.logIn({ repId: 'rep-b', statusId: 'available' });
    const second = (await c.router.requestCallback({ source: 'b', queue: 'callback-q', phoneNumber: '+15557654321' }))
      .decision.itemId;
    await c.router.accept({ itemId: second });
    expect(await c.item(second)).toMatchObject({
      state: 'Scheduled',
      callback: { attempts: 1, outcomes: [{ outcome: 'failed' }] },
    });
    // Two dials at the same instant: the second waited for its slot (2 per second by default).
    expect(c.sleeps).toContain(500);
    expect((await endState(c, config)).report).toEqual(noViolations);
  });

  it('without outbound telephony the rep dials and reports the outcome', async () => {
    const c = await callbackHarness(false);
    await c.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { itemId } = (
      await c.router.requestCallback({ source: 'x', queue: 'callback-q', phoneNumber: '+15551234567' })
    ).decision;
    await c.router.accept({ itemId });
    expect(c.events.ofType('callback.dialed')).toEqual([expect.objectContaining({ attempt: 1, contactId: undefined })]);
    expect((await c.router.recordDialOutcome({ itemId, outcome: 'answered' })).decision.kind).toBe('connected');
    await c.router.complete({ itemId });
    expect((await c.item(itemId)).state).toBe('Completed');
  });

  it('the sweeper queues a callback whose due timer was lost, and dials one whose dial never started', async () => {
    connect.on(StartOutboundVoiceContactCommand).resolves({ ContactId: 'dial-9' });
    const c = await callbackHarness();
    await c.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { itemId } = (
      await c.router.requestCallback({
        source: 's',
        queue: 'callback-q',
        phoneNumber: '+15551234567',
        at: c.clock.now() + 60_000,
      })
    ).decision;
    c.timers.takeDue(Number.MAX_SAFE_INTEGER);
    c.clock.advance(10 * 60_000);
    const report = await c.router.sweep();
    expect(report).toMatchObject({ callbacksDue: 1 });
    expect((await c.item(itemId)).state).toBe('Offered');
    // Accepted, then the process died before dialing (the accept use case alone, without the router's follow-ups).
    await acceptOffer(c.deps, { itemId });
    expect(connect).not.toHaveReceivedCommand(StartOutboundVoiceContactCommand);
    c.clock.advance(60_000);
    expect(await c.router.sweep()).toMatchObject({ dialed: 1 });
    expect(connect).toHaveReceivedCommandWith(StartOutboundVoiceContactCommand, { ClientToken: `${itemId}-1` });
    expect((await c.router.sweep()).dialed).toBe(0);
    expect((await endState(c, config)).report).toEqual(noViolations);
  });

  it('refuses bad requests, naming the field, and stores nothing', async () => {
    const c = await callbackHarness();
    const attempt = (input: unknown) =>
      c.router.requestCallback(input as never).then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(await attempt({ source: 's', queue: 'callback-q', phoneNumber: '01234 567890' })).toMatchObject({
      field: 'phoneNumber',
    });
    expect(await attempt({ source: 's', queue: 'chat-q', phoneNumber: '+15551234567' })).toMatchObject({
      field: 'queue',
    });
    expect(
      await attempt({
        source: 's',
        queue: 'callback-q',
        phoneNumber: '+15551234567',
        at: c.clock.now() + 40 * 24 * HOUR,
      }),
    ).toMatchObject({ field: 'at' });
    expect(await attempt({ source: 's', queue: 'nope', phoneNumber: '+15551234567' })).toMatchObject({
      field: 'queue',
    });
    expect((await c.snapshot()).items).toHaveLength(0);
  });
});
