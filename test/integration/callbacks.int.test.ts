import {
  AccessDeniedException,
  ConnectClient,
  StartOutboundVoiceContactCommand,
  ThrottlingException,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { acceptOffer } from '../../lambdas/domain/use-cases/offer-responses';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler as makeContactEvents } from '../../lambdas/handlers/connect-contact-events';
import { answered, connectContactEvent } from '../fixtures/events/connect-contact-event';
import { transferCenter } from '../fixtures/transfer-center';
import { compiled, endState, noViolations } from '../support/end-state';
import { makeHarness } from '../support/harness';

const connect = mockClient(ConnectClient);
const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const FLOW = 'flow-callback-0001';
const HOLDING = 'queue-holding-0001';
const context = {
  functionName: 'f',
  awsRequestId: 'r',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:111111111111:function:f',
  getRemainingTimeInMillis: () => 8000,
} as unknown as Context;
const config = compiled(transferCenter());
const HOUR = 3_600_000;

beforeEach(() => {
  connect.reset();
  connect.on(UpdateContactRoutingDataCommand).resolves({});
});

async function callbackHarness(outbound = true) {
  const h = await makeHarness(transferCenter());
  const sleeps: number[] = [];
  const telephony = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE, {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => 1_000_000,
    outbound: outbound ? { contactFlowId: FLOW, queueId: HOLDING } : undefined,
  });
  const router = new Router({ ...h.deps, telephony });
  const events = makeContactEvents(() => router);
  return { ...h, router, sleeps, contactEvent: (e: unknown) => events(e as never, context) };
}

describe('callbacks (semantics §9)', () => {
  it('scheduled for later, queued when due, dialed when a rep accepts, connected, completed: an event for each step', async () => {
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
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, {
      ContactId: 'dial-1',
      RoutingCriteria: {
        Steps: [
          {
            Expression: {
              AttributeCondition: {
                ComparisonOperator: 'Match',
                MatchCriteria: { AgentsCriteria: { AgentIds: ['user-rep-a'] } },
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
