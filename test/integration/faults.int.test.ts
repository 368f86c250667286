import {
  ConnectClient,
  ResourceNotFoundException,
  ThrottlingException,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler as makeContactEvents } from '../../lambdas/handlers/connect-contact-events';
import { answered, connectContactEvent, stepExpired } from '../fixtures/events/connect-contact-event';
import { faultCenter } from '../fixtures/fault-center';
import { compiled, endState, noViolations, settle } from '../support/end-state';
import { DynamoFaults } from '../support/faults';
import { type Harness, makeHarness } from '../support/harness';
import { lambdaContext } from '../support/lambda-context';

const connect = mockClient(ConnectClient);
const config = compiled(faultCenter());
const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const context = lambdaContext();
const voiceCenter = () => {
  const c = faultCenter();
  return { ...c, reps: c.reps.map((r) => ({ ...r, connectUserId: `user-${r.id}` })) };
};

beforeEach(() => connect.reset());

/** A morning in miniature: logins, arrivals on every channel, answers, a decline, completions and wrap-ups. */
async function workload(h: Harness, pass = (ms: number) => h.advance(ms)): Promise<void> {
  await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
  await h.router.logIn({ repId: 'rep-b', statusId: 'digital' });
  const ids: string[] = [];
  for (const [channel, queue, n] of [
    ['chat', 'chat-q', 3],
    ['case', 'case-q', 3],
    ['voice', 'voice-q', 1],
  ] as const) {
    for (let k = 0; k < n; k++)
      ids.push((await h.router.submitWork({ channel, source: `${channel}-${k}`, queue })).decision.itemId);
  }
  const items = await Promise.all(ids.map((id) => h.item(id)));
  const offered = items.filter((i) => i.state === 'Offered');
  await h.router.accept({ itemId: offered[0]!.id });
  await h.router.decline({ itemId: offered[1]!.id, reason: 'busy' });
  await h.router.complete({ itemId: offered[0]!.id });
  await h.router.logIn({ repId: 'rep-c', statusId: 'available' });
  await pass(45_000);
}

describe('DynamoDB throttling and 5xx on any call (issue: fault tolerance)', () => {
  it("are absorbed by the SDK's retries: the same end state as without faults, invariants from the table", async () => {
    const base = await makeHarness(faultCenter());
    await workload(base);
    await settle(base);
    const expected = await endState(base, config);
    expect(expected.report).toEqual(noViolations);

    const db = new DynamoFaults();
    // One call in five fails its first attempt with an internal server error, one in ten with throttling (whose
    // SDK backoff is longer); whichever call it is.
    db.withTransient((call) => (call % 10 === 5 ? 'throttle' : call % 5 === 0 ? 'server' : undefined));
    const faulty = await makeHarness(faultCenter(), { db: db.client });
    await workload(faulty);
    await settle(faulty);
    expect(db.transientInjected).toBeGreaterThan(30);
    expect(await endState(faulty, config)).toEqual(expected);
  });
});

describe('timers firing early, late and twice (issue: fault tolerance)', () => {
  it('never break an invariant, and every item still ends or waits visibly', async () => {
    const h = await makeHarness(faultCenter());
    let delivered = 0;
    // Deliver each timer early (it must be rescheduled, not acted on), then late by 0–4 minutes, twice.
    const deliverAll = async () => {
      for (let t = h.timers.all()[0]; t; t = h.timers.all()[0]) {
        h.timers.takeDue(t.dueAt);
        if (h.clock.now() < t.dueAt - 1_000) {
          h.clock.set(t.dueAt - 1_000);
          expect((await h.router.fireTimer(t)).decision.kind).toBe('rescheduled');
          h.timers.takeDue(t.dueAt);
        }
        h.clock.set(Math.max(h.clock.now(), t.dueAt + (delivered++ % 5) * 60_000));
        await h.router.fireTimer(t);
        await h.router.fireTimer(t);
        expect((await endState(h, config)).report).toEqual(noViolations);
      }
    };
    await workload(h, deliverAll);
    // How many timers the workload sets depends on which rep the ring gives each tie; several, in any case.
    expect(delivered).toBeGreaterThanOrEqual(4);
    await settle(h);
    expect((await endState(h, config)).report).toEqual(noViolations);
  });
});

describe('Connect faults and contact events (issue: fault tolerance, semantics §8)', () => {
  async function voiceHarness() {
    const h = await makeHarness(voiceCenter());
    const router = new Router({
      ...h.deps,
      telephony: new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE, { sleep: async () => {} }),
    });
    const events = makeContactEvents(() => router);
    return { ...h, router, contactEvent: (e: unknown) => events(e as never, context) };
  }

  it('a throttled Connect leaves the offer to its timeout; a vanished contact is canceled and released', async () => {
    const meta = { $metadata: {} };
    connect
      .on(UpdateContactRoutingDataCommand, { ContactId: 'throttled' })
      .rejects(new ThrottlingException({ message: 'Rate exceeded', ...meta }));
    connect
      .on(UpdateContactRoutingDataCommand, { ContactId: 'gone' })
      .rejects(new ResourceNotFoundException({ message: 'not found', ...meta }));
    const v = await voiceHarness();
    await v.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await v.router.logIn({ repId: 'rep-b', statusId: 'available' });
    const throttled = (await v.router.submitWork({ channel: 'voice', source: 'throttled', queue: 'voice-q' })).decision;
    const gone = (await v.router.submitWork({ channel: 'voice', source: 'gone', queue: 'voice-q' })).decision;
    expect((await v.item(throttled.itemId)).state).toBe('Offered');
    expect(await v.item(gone.itemId)).toMatchObject({ state: 'Canceled' });
    await settle(v);
    const end = await endState(v, config);
    expect(end.report).toEqual(noViolations);
    // Offered to each rep in turn, timed out by the router's own timer each time, then left waiting.
    expect(end.items.throttled).toBe('Queued');
    expect(end.reps['rep-a']!.used).toEqual({ primary: 0, interruptible: 0 });
  });

  it('contact events repeated and in any order leave a final item and no held capacity', async () => {
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    const kinds = [
      () => connectContactEvent('QUEUED', 'call-1'),
      () => connectContactEvent('CONNECTED_TO_AGENT', 'call-1', answered),
      () => connectContactEvent('CONTACT_DATA_UPDATED', 'call-1', stepExpired),
      () => connectContactEvent('DISCONNECTED', 'call-1', answered),
    ];
    const deliveries = fc
      .tuple(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat({ max: 3 }), { maxLength: 4 }),
      )
      .map(([order, repeats]) => [...order, ...repeats]);
    await fc.assert(
      fc.asyncProperty(deliveries, async (sequence) => {
        const v = await voiceHarness();
        await v.router.logIn({ repId: 'rep-a', statusId: 'available' });
        const { itemId } = (await v.router.submitWork({ channel: 'voice', source: 'call-1', queue: 'voice-q' }))
          .decision;
        for (const k of sequence) await v.contactEvent(kinds[k]!());
        await settle(v);
        const end = await endState(v, config);
        expect(end.report).toEqual(noViolations);
        expect(['Completed', 'Canceled']).toContain((await v.item(itemId)).state);
        expect(end.reps['rep-a']).toMatchObject({ used: { primary: 0, interruptible: 0 }, active: 0 });
      }),
      { numRuns: 12 },
    );
  });
});
