import { StartOutboundVoiceContactCommand, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import 'aws-sdk-client-mock-jest';
import { answered, connectContactEvent } from '../fixtures/events/connect-contact-event';
import { callbackHarness, config, connect, FLOW, HOLDING, HOUR, resetConnect } from '../support/callback-harness';
import { endState, noViolations } from '../support/end-state';

beforeEach(resetConnect);

describe('callbacks (semantics §9)', () => {
  it('scheduled, queued when due, dialed on accept, connected, completed: an event for each step', async () => {
    connect.on(StartOutboundVoiceContactCommand).resolves({ ContactId: 'dial-1' });
    const c = await callbackHarness();
    await c.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const at = c.clock.now() + HOUR;
    const { decision } = await c.router.requestCallback({
      source: 'contact-7',
      queue: 'callback-q',
      phoneNumber: '+441234567890',
      at,
    });
    expect(decision).toMatchObject({ kind: 'scheduled', dueAt: at });
    expect((await c.item(decision.itemId)).state).toBe('Scheduled');
    expect(
      (await c.router.requestCallback({ source: 'contact-7', queue: 'callback-q', phoneNumber: '+441234567890', at }))
        .decision,
    ).toMatchObject({ duplicate: true, itemId: decision.itemId });

    await c.advance(HOUR);
    expect(await c.item(decision.itemId)).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-a' } });
    expect(connect).not.toHaveReceivedCommand(StartOutboundVoiceContactCommand);
    await c.router.accept({ itemId: decision.itemId, repId: 'rep-a' });
    expect(connect).toHaveReceivedCommandWith(StartOutboundVoiceContactCommand, {
      InstanceId: 'cccccccc-bbbb-dddd-eeee-ffffffffffff',
      ContactFlowId: FLOW,
      QueueId: HOLDING,
      DestinationPhoneNumber: '+441234567890',
      ClientToken: `${decision.itemId}-1`,
      Attributes: { routerItemId: decision.itemId },
    });
    // The rep's voice capacity is held by the assignment while the call is set up.
    expect((await c.rep('rep-a')).used.primary).toBe(100);

    expect(await c.contactEvent(connectContactEvent('QUEUED', 'dial-1', { initiationMethod: 'API' }))).toEqual({
      kind: 'applied',
      action: 'retargeted',
    });
    // The customer is on the line: the rep who dialed is targeted for the queue's push timeout (30 s), then the call
    // parks again, so a rep Connect cannot reach never leaves the customer holding for good.
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, {
      ContactId: 'dial-1',
      RoutingCriteria: {
        Steps: [
          {
            Expiry: { DurationInSeconds: 30 },
            Expression: {
              AttributeCondition: {
                ComparisonOperator: 'Match',
                MatchCriteria: { AgentsCriteria: { AgentIds: ['user-rep-a'] } },
              },
            },
          },
          {
            Expression: {
              AttributeCondition: {
                Name: 'Routing',
                Value: 'True',
                ProficiencyLevel: 1,
                ComparisonOperator: 'NumberGreaterOrEqualTo',
              },
            },
          },
        ],
      },
    });
    expect(await c.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', 'dial-1', answered))).toEqual({
      kind: 'applied',
      action: 'callbackAnswered',
    });
    expect(await c.contactEvent(connectContactEvent('DISCONNECTED', 'dial-1', answered))).toEqual({
      kind: 'applied',
      action: 'completed',
    });
    expect((await c.item(decision.itemId)).callback).toMatchObject({
      attempts: 1,
      outcomes: [{ outcome: 'answered' }],
    });
    expect(c.events.events.filter((e) => e.type.startsWith('callback.')).map((e) => e.type)).toEqual([
      'callback.requested',
      'callback.dialed',
      'callback.connected',
    ]);
    const end = await endState(c, config);
    expect(end.report).toEqual(noViolations);
    expect(end.reps['rep-a']!.used.primary).toBe(0);
  });

  it('no answer, then busy: retried by policy, recorded, then completed as unreachable', async () => {
    connect
      .on(StartOutboundVoiceContactCommand)
      .resolvesOnce({ ContactId: 'dial-1' })
      .resolvesOnce({ ContactId: 'dial-2' });
    const c = await callbackHarness();
    await c.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { itemId } = (
      await c.router.requestCallback({ source: 'web-1', queue: 'callback-q', phoneNumber: '+15551234567' })
    ).decision;
    await c.router.accept({ itemId });
    expect(await c.contactEvent(connectContactEvent('DISCONNECTED', 'dial-1'))).toEqual({
      kind: 'applied',
      action: 'callbackNotReached',
    });
    const retry = await c.item(itemId);
    expect(retry).toMatchObject({
      state: 'Scheduled',
      callback: { attempts: 1, dueAt: c.clock.now() + 300_000, outcomes: [{ outcome: 'noAnswer' }] },
    });
    expect((await c.rep('rep-a')).used.primary).toBe(0);

    await c.advance(300_000);
    await c.router.accept({ itemId });
    expect(connect).toHaveReceivedCommandWith(StartOutboundVoiceContactCommand, { ClientToken: `${itemId}-2` });
    await c.contactEvent(connectContactEvent('DISCONNECTED', 'dial-2', { disconnectReason: 'OUTBOUND_BUSY' }));
    expect(await c.item(itemId)).toMatchObject({
      state: 'Completed',
      outcome: 'unreachable',
      callback: { attempts: 2, outcomes: [{ outcome: 'noAnswer' }, { outcome: 'busy' }] },
    });
    expect(c.events.ofType('callback.attemptFailed').map((e) => [e.outcome, e.retryAt !== undefined])).toEqual([
      ['noAnswer', true],
      ['busy', false],
    ]);
    expect(c.events.ofType('callback.exhausted')).toHaveLength(1);
    expect((await endState(c, config)).report).toEqual(noViolations);
  });
});
