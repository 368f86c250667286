import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectClient, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { ConnectTelephony } from '../../../lambdas/adapters/connect/telephony';
import { Router } from '../../../lambdas/domain/use-cases/router';
import { makeHandler } from '../../../lambdas/handlers/connect-contact-events';
import completed from '../../fixtures/connect-events/completed-after-contact-work.json';
import connected from '../../fixtures/connect-events/connected-to-agent.json';
import connectedByCriteria from '../../fixtures/connect-events/connected-to-agent-routing-criteria.json';
import disconnectedAfterAgent from '../../fixtures/connect-events/disconnected-after-agent.json';
import disconnectedBeforeAgent from '../../fixtures/connect-events/disconnected-before-agent.json';
import queued from '../../fixtures/connect-events/queued.json';
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

/** The Connect user id a sample's agent ARN names (`…/agent/ID`): rep-a's, so the connected agent is the offer's. */
const agentOf = (sample: { event: { detail: object } }) =>
  /\/agent\/([^/"]+)/.exec(JSON.stringify(sample.event.detail))?.[1] ?? 'user-rep-a';

/**
 * A call offered to rep-a, whose Connect user is the samples' agent; `wrapUpSeconds` of after-contact work for
 * voice, as the center configures it.
 */
async function offeredCall(contactId: string, wrapUpSeconds = 0, agent = agentOf(connected)) {
  const base = smallCenter();
  const h = await makeHarness({
    ...base,
    channels: base.channels!.map((c) => (c.name === 'voice' ? { ...c, wrapUpSeconds } : c)),
    reps: base.reps!.map((r) => ({ ...r, connectUserId: r.id === 'rep-a' ? agent : `user-${r.id}` })),
  });
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

describe('the Connect payload fixtures', () => {
  it('each names its public source, and together they cover every event type routing acts on', () => {
    const dir = join(__dirname, '../../fixtures/connect-events');
    const fixtures = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    for (const f of fixtures) expect(f.source).toMatch(/https:\/\/docs\.aws\.amazon\.com\/|service-cloud-voice\//);
    const types = fixtures.map((f) => f.event.detail.eventType ?? f.event.detail.EventType);
    expect(new Set(types)).toEqual(
      new Set(['QUEUED', 'CONNECTED_TO_AGENT', 'CONTACT_DATA_UPDATED', 'DISCONNECTED', 'COMPLETED']),
    );
  });
});

describe('Connect contact events as AWS publishes them drive the state change semantics §8 says', () => {
  it.each([
    ['the plain sample', connected],
    ['the sample with routing criteria as a list, PascalCase keys and channel Voice', connectedByCriteria],
  ])('CONNECTED_TO_AGENT (%s) accepts the offer', async (_name, sample) => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a1';
    const { h, itemId, send } = await offeredCall(contactId, 0, agentOf(sample));
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

  it('QUEUED targets the offered rep again, now that routing criteria apply to the queued contact', async () => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a4';
    const { send } = await offeredCall(contactId);
    const before = connect.commandCalls(UpdateContactRoutingDataCommand).length;
    expect(await send(about(queued, contactId))).toEqual({ kind: 'applied', action: 'retargeted' });
    expect(connect.commandCalls(UpdateContactRoutingDataCommand).length).toBeGreaterThan(before);
    expect(connect.commandCalls(UpdateContactRoutingDataCommand).at(-1)!.args[0].input).toMatchObject({
      ContactId: contactId,
    });
  });

  it('DISCONNECTED after the agent (the sample: AgentInfo in PascalCase, channel Voice) ends the work', async () => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a5';
    const { h, itemId, send } = await offeredCall(contactId, 120);
    // The accept is implied: Connect may publish CONNECTED_TO_AGENT after DISCONNECTED (events are unordered).
    expect(await send(about(disconnectedAfterAgent, contactId))).toEqual({ kind: 'applied', action: 'completed' });
    expect(await h.item(itemId)).toMatchObject({ state: 'WrapUp', reservation: { repId: 'rep-a' } });
    expect(h.events.ofType('offer.accepted')).toHaveLength(1);
  });

  it('DISCONNECTED before any agent is an abandon: the offer is withdrawn and the capacity released', async () => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a6';
    const { h, itemId, send } = await offeredCall(contactId);
    expect(await send(about(disconnectedBeforeAgent, contactId))).toEqual({ kind: 'applied', action: 'canceled' });
    expect(await h.item(itemId)).toMatchObject({ state: 'Canceled', outcome: 'abandoned' });
    expect((await h.store.getRep('rep-a'))!.used.primary).toBe(0);
  });

  it('COMPLETED with after-contact work ends the wrap-up and releases the rep', async () => {
    const contactId = '4a573372-1f28-4e26-b97b-00000000c0a7';
    const { h, itemId, send } = await offeredCall(contactId, 120);
    await send(about(connected, contactId));
    await send(about(disconnectedAfterAgent, contactId));
    h.clock.advance(103_000);
    expect(await send(about(completed, contactId))).toEqual({ kind: 'applied', action: 'wrapUpEnded' });
    expect((await h.item(itemId)).state).toBe('Completed');
    expect((await h.store.getRep('rep-a'))!.used.primary).toBe(0);
    // Delivered again (at least once): nothing left to end.
    expect(await send(about(completed, contactId))).toEqual({ kind: 'ignored', reason: 'stale' });
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
