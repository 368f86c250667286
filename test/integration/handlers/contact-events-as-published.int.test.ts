import { ConnectClient, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { ConnectTelephony } from '../../../lambdas/adapters/connect/telephony';
import { Router } from '../../../lambdas/domain/use-cases/router';
import { makeHandler } from '../../../lambdas/handlers/connect-contact-events';
import connected from '../../fixtures/connect-events/connected-to-agent.json';
import connectedByCriteria from '../../fixtures/connect-events/connected-to-agent-routing-criteria.json';
import stepExpired from '../../fixtures/connect-events/step-expired.json';
import { smallCenter } from '../../fixtures/small-center';
import { makeHarness } from '../../support/harness';
import { lambdaContext } from '../../support/lambda-context';

const connect = mockClient(ConnectClient);
const INSTANCE_ARN = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';

/** A published sample, about one of our calls: only the contact id (and, where asked, the channel) differ. */
function about(sample: { event: { detail: object } }, contactId: string, detail: Record<string, unknown> = {}) {
  const d = sample.event.detail as Record<string, unknown>;
  const key = 'ContactId' in d ? 'ContactId' : 'contactId';
  return { ...sample.event, detail: { ...d, [key]: contactId, ...detail } };
}

async function offeredCall(contactId: string) {
  const base = smallCenter();
  const h = await makeHarness({ ...base, reps: base.reps!.map((r) => ({ ...r, connectUserId: `user-${r.id}` })) });
  const telephony = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE_ARN, {
    sleep: async () => {},
  });
  const router = new Router({ ...h.deps, telephony });
  await router.logIn({ repId: 'rep-a' });
  const { decision } = await router.submitWork({ channel: 'voice', source: contactId, queue: 'voice-q' });
  const events = makeHandler(() => router);
  return { h, itemId: decision.itemId, send: (e: unknown) => events(e as never, lambdaContext()) };
}

beforeEach(() => {
  connect.reset();
  connect.on(UpdateContactRoutingDataCommand).resolves({});
});

describe('Connect contact events as AWS publishes them drive the state change semantics §8 says', () => {
  it.each([
    ['the plain sample', connected],
    ['the sample with routing criteria as a list, PascalCase keys and channel Voice', connectedByCriteria],
  ])('CONNECTED_TO_AGENT (%s) accepts the offer', async (_name, sample) => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a1';
    const { h, itemId, send } = await offeredCall(contactId);
    expect(await send(about(sample, contactId))).toEqual({ kind: 'applied', action: 'accepted' });
    expect((await h.item(itemId)).state).toBe('Assigned');
  });

  it('CONTACT_DATA_UPDATED with an expired step times the offer out (the sample, on a voice contact)', async () => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a2';
    const { h, itemId, send } = await offeredCall(contactId);
    h.clock.advance(20_000);
    expect(await send(about(stepExpired, contactId, { channel: 'VOICE' }))).toEqual({
      kind: 'applied',
      action: 'timedOut',
    });
    expect(h.events.ofType('offer.timedOut')).toHaveLength(1);
    // The only rep timed out on it this session, so the call waits in its queue.
    expect((await h.item(itemId)).state).toBe('Queued');
  });

  it('an event type routing does not use is acknowledged and changes nothing', async () => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a3';
    const { h, itemId, send } = await offeredCall(contactId);
    const before = (await h.snapshot()).rows;
    expect(await send(about(connected, contactId, { eventType: 'PAUSED' }))).toEqual({
      kind: 'ignored',
      reason: 'notRelevant',
    });
    expect((await h.snapshot()).rows).toEqual(before);
    expect((await h.item(itemId)).state).toBe('Offered');
  });
});
