import { ConnectClient, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { lambdaContext } from '../support/lambda-context';
import 'aws-sdk-client-mock-jest';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { InvalidInputError } from '../../lambdas/domain/errors';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler as makeContactEvents } from '../../lambdas/handlers/connect-contact-events';
import { makeHandler as makeHandOff } from '../../lambdas/handlers/contact-flow-handoff';
import { answered, answeredBy, connectContactEvent, stepExpired } from '../fixtures/events/connect-contact-event';
import flowEvent from '../fixtures/events/contact-flow-event.json';
import { smallCenter } from '../fixtures/small-center';
import { makeHarness } from '../support/harness';

const connect = mockClient(ConnectClient);
const context = lambdaContext();
const CONTACT = flowEvent.Details.ContactData.ContactId;
const handOffEvent = { ...flowEvent, Details: { ...flowEvent.Details, Parameters: { queue: 'voice-q' } } };

async function voiceCenter() {
  const base = smallCenter();
  const h = await makeHarness({
    ...base,
    channels: [
      { name: 'voice', realTime: true, wrapUpSeconds: 30 },
      { name: 'chat', realTime: true },
      { name: 'case', realTime: false },
    ],
    reps: base.reps!.map((r) => ({ ...r, connectUserId: `user-${r.id}` })),
  });
  const router = new Router({
    ...h.deps,
    telephony: new ConnectTelephony(
      new ConnectClient({ region: 'eu-west-2' }),
      'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff',
      { sleep: async () => {} },
    ),
  });
  const handOff = makeHandOff(() => router);
  const events = makeContactEvents(() => router);
  return {
    ...h,
    router,
    handOff: (e: unknown) => handOff(e as never, context),
    contactEvent: (e: unknown) => events(e as never, context),
  };
}

beforeEach(() => {
  connect.reset();
  connect.on(UpdateContactRoutingDataCommand).resolves({});
});

describe('voice end to end (semantics §8)', () => {
  it('hand-off, reservation, UpdateContactRoutingData, connected, disconnected, wrap-up, released', async () => {
    const v = await voiceCenter();
    await v.router.logIn({ repId: 'rep-a' });
    v.events.clear();
    const { itemId } = await v.handOff(handOffEvent);
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, { ContactId: CONTACT });
    expect((await v.rep('rep-a')).used.primary).toBe(100);
    expect(await v.contactEvent(connectContactEvent('QUEUED', CONTACT))).toEqual({
      kind: 'applied',
      action: 'retargeted',
    });
    expect(await v.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', CONTACT, answered))).toEqual({
      kind: 'applied',
      action: 'accepted',
    });
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', CONTACT, answered))).toEqual({
      kind: 'applied',
      action: 'completed',
    });
    expect((await v.item(itemId)).state).toBe('WrapUp');
    expect((await v.rep('rep-a')).used.primary).toBe(100);
    await v.advance(30_000);
    expect((await v.item(itemId)).state).toBe('Completed');
    expect(await v.rep('rep-a')).toMatchObject({ used: { primary: 0 }, activeItems: 0 });
    expect(v.events.events.filter((e) => 'itemId' in e && e.itemId === itemId).map((e) => e.type)).toEqual([
      'work.queued',
      'offer.created',
      'offer.accepted',
      'work.assigned',
      'work.wrapUpStarted',
      'work.completed',
    ]);
    // A late COMPLETED (Connect's after-contact work ended) changes nothing.
    expect(await v.contactEvent(connectContactEvent('COMPLETED', CONTACT, answered))).toEqual({
      kind: 'ignored',
      reason: 'stale',
    });
  });

  it('repeated and reordered events are safe: DISCONNECTED of an answered call before CONNECTED_TO_AGENT', async () => {
    const v = await voiceCenter();
    await v.router.logIn({ repId: 'rep-a' });
    const { itemId } = await v.handOff(handOffEvent);
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', CONTACT, answered))).toEqual({
      kind: 'applied',
      action: 'completed',
    });
    const after = await v.item(itemId);
    expect(after.state).toBe('WrapUp');
    expect(await v.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', CONTACT, answered))).toEqual({
      kind: 'ignored',
      reason: 'stale',
    });
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', CONTACT, answered))).toEqual({
      kind: 'ignored',
      reason: 'stale',
    });
    expect(await v.item(itemId)).toEqual(after);
  });

  it('a call connected to an agent who is no rep here leaves routing: the offered rep is not booked', async () => {
    const v = await voiceCenter();
    await v.router.logIn({ repId: 'rep-a' });
    const { itemId } = await v.handOff(handOffEvent);
    // A supervisor's (or another router's) agent took it in Connect: nobody here has the call.
    const elsewhere = answeredBy('user-not-configured');
    expect(await v.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', CONTACT, elsewhere))).toEqual({
      kind: 'applied',
      action: 'connectedOutsideRouting',
    });
    expect(await v.item(itemId)).toMatchObject({ state: 'Canceled', outcome: 'connectedToUnbookableAgent' });
    expect((await v.rep('rep-a')).used.primary).toBe(0);
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', CONTACT, elsewhere))).toEqual({
      kind: 'ignored',
      reason: 'stale',
    });
  });

  it('a caller who hangs up before being answered abandons: the item is canceled and the rep released', async () => {
    const v = await voiceCenter();
    await v.router.logIn({ repId: 'rep-a' });
    const { itemId } = await v.handOff(handOffEvent);
    expect(await v.contactEvent(connectContactEvent('DISCONNECTED', CONTACT))).toEqual({
      kind: 'applied',
      action: 'canceled',
    });
    expect(await v.item(itemId)).toMatchObject({ state: 'Canceled', outcome: 'abandoned' });
    expect((await v.rep('rep-a')).used.primary).toBe(0);
  });

  it('an expired routing step times out the current offer, but not a newer one', async () => {
    const v = await voiceCenter();
    await v.router.logIn({ repId: 'rep-a' });
    await v.router.logIn({ repId: 'rep-b' });
    const { itemId } = await v.handOff(handOffEvent);
    const firstRep = (await v.item(itemId)).reservation!.repId;
    expect(await v.contactEvent(connectContactEvent('CONTACT_DATA_UPDATED', CONTACT, stepExpired))).toEqual({
      kind: 'ignored',
      reason: 'stale',
    });
    v.clock.advance(20_000);
    expect(await v.contactEvent(connectContactEvent('CONTACT_DATA_UPDATED', CONTACT, stepExpired))).toEqual({
      kind: 'applied',
      action: 'timedOut',
    });
    const reoffered = await v.item(itemId);
    expect(reoffered.reservation!.repId).not.toBe(firstRep);
    // The same expiry delivered again belongs to the old offer.
    expect(await v.contactEvent(connectContactEvent('CONTACT_DATA_UPDATED', CONTACT, stepExpired))).toEqual({
      kind: 'ignored',
      reason: 'stale',
    });
    expect((await v.item(itemId)).reservation!.offerId).toBe(reoffered.reservation!.offerId);
  });

  it('ignores contacts the router never received and other channels', async () => {
    const v = await voiceCenter();
    expect(await v.contactEvent(connectContactEvent('CONNECTED_TO_AGENT', 'someone-else', answered))).toEqual({
      kind: 'ignored',
      reason: 'notRouted',
    });
    expect(
      await v.contactEvent({
        ...connectContactEvent('QUEUED', CONTACT),
        detail: { ...connectContactEvent('QUEUED', CONTACT).detail, channel: 'CHAT' },
      }),
    ).toEqual({ kind: 'ignored', reason: 'notRelevant' });
  });

  it('reads PascalCase samples too', async () => {
    const v = await voiceCenter();
    await v.router.logIn({ repId: 'rep-a' });
    const { itemId } = await v.handOff(handOffEvent);
    const pascal = {
      ...connectContactEvent('x', CONTACT),
      detail: {
        ContactId: CONTACT,
        Channel: 'VOICE',
        EventType: 'CONNECTED_TO_AGENT',
        AgentInfo: { ConnectedToAgentTimestamp: '2026-11-25T09:00:04.000Z' },
      },
    };
    expect(await v.contactEvent(pascal)).toEqual({ kind: 'applied', action: 'accepted' });
    expect((await v.item(itemId)).state).toBe('Assigned');
  });

  it('rejects a malformed event naming the field, changing nothing', async () => {
    const v = await voiceCenter();
    const bad = connectContactEvent('QUEUED', '');
    const err = await v.contactEvent(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe('detail.contactId');
    expect((await v.snapshot()).items).toHaveLength(0);
  });
});
