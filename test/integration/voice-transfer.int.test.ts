import { ConnectClient, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { lambdaContext } from '../support/lambda-context';
import 'aws-sdk-client-mock-jest';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler as makeContactEvents } from '../../lambdas/handlers/connect-contact-events';
import { answered, answeredBy, connectContactEvent } from '../fixtures/events/connect-contact-event';
import { transferCenter } from '../fixtures/transfer-center';
import { compiled, endState, noViolations } from '../support/end-state';
import { makeHarness } from '../support/harness';

const connect = mockClient(ConnectClient);
const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const context = lambdaContext();
const FIRST = '4a573372-1f28-4e26-b97b-00000000aaaa';
const SECOND = '4a573372-1f28-4e26-b97b-00000000bbbb';

beforeEach(() => {
  connect.reset();
  connect.on(UpdateContactRoutingDataCommand).resolves({});
});

async function voiceHarness() {
  const h = await makeHarness(transferCenter());
  const router = new Router({
    ...h.deps,
    telephony: new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE, { sleep: async () => {} }),
  });
  const events = makeContactEvents(() => router);
  return { ...h, router, contactEvent: (e: unknown) => events(e as never, context) };
}

describe('voice transfer through Amazon Connect (semantics §9)', () => {
  it("holds the sender's capacity until the call leaves them, then targets the new contact", async () => {
    const v = await voiceHarness();
    await v.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { itemId } = (await v.router.submitWork({ channel: 'voice', source: FIRST, queue: 'voice-q' })).decision;
    await v.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', FIRST, answered));
    await v.router.logIn({ repId: 'rep-b', statusId: 'available' });
    connect.resetHistory();

    const asked = await v.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'rep', repId: 'rep-b' } });
    expect(asked.decision).toEqual({ kind: 'pending', itemId, to: { kind: 'rep', id: 'rep-b' } });
    expect((await v.rep('rep-a')).used.primary).toBe(100);
    expect(v.events.ofType('work.transferRequested')).toHaveLength(1);

    // The rep's CCP moves the call (a quick connect to the holding queue): Connect reports a new contact.
    const arrived = connectContactEvent('QUEUED', SECOND, { previousContactId: FIRST, initiationMethod: 'TRANSFER' });
    expect(await v.contactEvent(arrived)).toEqual({ kind: 'applied', action: 'transferred' });
    expect(await v.item(itemId)).toMatchObject({
      state: 'Offered',
      source: SECOND,
      reservation: { repId: 'rep-b', declinable: false },
    });
    expect((await v.rep('rep-a')).used.primary).toBe(0);
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, { ContactId: SECOND });
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 1);

    // The first leg ending is not the caller hanging up; a repeated arrival changes nothing.
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', FIRST, answered))).toEqual({
      kind: 'ignored',
      reason: 'stale',
    });
    expect(await v.contactEvent(arrived)).toEqual({ kind: 'applied', action: 'retargeted' });
    expect(await v.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', SECOND, answeredBy('user-rep-b')))).toEqual({
      kind: 'applied',
      action: 'accepted',
    });
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', SECOND, answeredBy('user-rep-b')))).toEqual({
      kind: 'applied',
      action: 'completed',
    });
    const end = await endState(v, compiled(transferCenter()));
    expect(end.report).toEqual(noViolations);
    expect(end.reps['rep-b']!.used.primary).toBe(0);
  });

  it('a call that ends at the sender before it moves completes there; the pending transfer is dropped', async () => {
    const v = await voiceHarness();
    await v.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { itemId } = (await v.router.submitWork({ channel: 'voice', source: FIRST, queue: 'voice-q' })).decision;
    await v.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', FIRST, answered));
    await v.router.transfer({ itemId, repId: 'rep-a', to: { kind: 'queue', queueId: 'voice-q' } });
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', FIRST, answered))).toEqual({
      kind: 'applied',
      action: 'completed',
    });
    expect((await v.item(itemId)).state).toBe('Completed');
    expect(await v.contactEvent(connectContactEvent('QUEUED', SECOND, { previousContactId: FIRST }))).toEqual({
      kind: 'ignored',
      reason: 'notRouted',
    });
    expect((await endState(v, compiled(transferCenter()))).report).toEqual(noViolations);
  });
});
