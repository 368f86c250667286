import {
  ConnectClient,
  StartOutboundVoiceContactCommand,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { S3RecordingLocator } from '../../lambdas/adapters/s3/recordings';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler as makeCallbackRequest } from '../../lambdas/handlers/callback-request';
import { makeHandler as makeHandOff } from '../../lambdas/handlers/contact-flow-handoff';
import { makeHandler as makeRecordingArrived } from '../../lambdas/handlers/recording-arrived';
import { makeHandler as makeTimers } from '../../lambdas/handlers/timers';
import { makeHandler as makeVoicemail } from '../../lambdas/handlers/voicemail';
import flowEvent from '../fixtures/events/contact-flow-event.json';
import { objectCreatedFor, RECORDINGS_BUCKET, recordingKey } from '../fixtures/events/object-created';
import { transferCenter } from '../fixtures/transfer-center';
import { makeHarness } from '../support/harness';
import { lambdaContext } from '../support/lambda-context';
import { sqsEvent } from '../support/sqs-event';

/**
 * Issue #12, end to end on DynamoDB Local: callers parked in the holding queue choose, from the customer queue
 * flow, a callback (press 1) or a voicemail (press 2). Connect and S3 are mocked; every request is asserted.
 */
const connect = mockClient(ConnectClient);
const s3 = mockClient(S3Client);
const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const PREFIX = 'connect/acme/CallRecordings';
const context = lambdaContext('queue-choices', 8000);
const contact = (n: number) => `4a573372-1f28-4e26-b97b-0000000001${String(n).padStart(2, '0')}`;
const caller = (n: number) => `+4412340000${String(n).padStart(2, '0')}`;

/** The flow event Connect sends for caller n, from the block with these parameters. */
const flowEventOf = (n: number, parameters: Record<string, string>) => ({
  ...flowEvent,
  Details: {
    ContactData: {
      ...flowEvent.Details.ContactData,
      ContactId: contact(n),
      InitialContactId: contact(n),
      PreviousContactId: contact(n),
      CustomerEndpoint: { Address: caller(n), Type: 'TELEPHONE_NUMBER' },
    },
    Parameters: parameters,
  },
});

/** The transfer center, plus statuses taking only callbacks, or only calls (so who gets what shows). */
async function center() {
  const base = transferCenter();
  const h = await makeHarness({
    ...base,
    statuses: [
      ...base.statuses,
      { id: 'callbacks', name: 'Callbacks', channels: ['callback'] },
      { id: 'phone', name: 'Phone', channels: ['voice'] },
    ],
  });
  const telephony = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE, {
    sleep: async () => {},
    outbound: { contactFlowId: 'flow-callback-0001', queueId: 'queue-holding-0001' },
  });
  const recordings = new S3RecordingLocator(new S3Client({ region: 'eu-west-2' }), RECORDINGS_BUCKET, PREFIX);
  const router = new Router({ ...h.deps, telephony, recordings });
  const call = (fn: (event: never, ctx: typeof context) => Promise<unknown>) => (event: unknown) =>
    fn(event as never, context) as Promise<{ itemId: string; status: string }>;
  return {
    ...h,
    router,
    handOff: call(makeHandOff(() => router)),
    pressOne: (n: number) => call(makeCallbackRequest(() => router))(flowEventOf(n, { queue: 'callback-q' })),
    pressTwo: (n: number) => call(makeVoicemail(() => router))(flowEventOf(n, { queue: 'voicemail-q' })),
    recorded: (key: string) => makeRecordingArrived(() => router)(objectCreatedFor(key) as never, context),
    timerHandler: makeTimers(() => router),
  };
}

beforeEach(() => {
  connect.reset();
  connect.on(UpdateContactRoutingDataCommand).resolves({});
  connect.on(StartOutboundVoiceContactCommand).resolves({ ContactId: 'dial-contact-0001' });
  s3.reset();
});

describe('a caller who presses 1: the callback keeps their place in line', () => {
  it('ends the waiting call (not an abandon), books the callback at the call time, dials it first', async () => {
    const c = await center();
    const first = await c.handOff(flowEventOf(1, { queue: 'voice-q' }));
    const waitingSince = c.clock.now();
    c.clock.advance(60_000);
    // Someone else asks for a callback through the API a minute later.
    const later = await c.router.requestCallback({
      source: 'crm-77',
      queue: 'callback-q',
      phoneNumber: '+15550100077',
    });
    c.clock.advance(120_000);
    const booked = await c.pressOne(1);
    expect(booked).toEqual({ itemId: expect.any(String), status: 'queued' });

    expect(await c.item(first.itemId)).toMatchObject({ state: 'Canceled', outcome: 'callbackRequested' });
    expect(c.events.ofType('work.canceled')).toEqual([
      expect.objectContaining({ itemId: first.itemId, reason: 'callbackRequested' }),
    ]);
    expect(await c.item(booked.itemId)).toMatchObject({
      channel: 'callback',
      source: contact(1),
      state: 'Queued',
      requestedAt: waitingSince,
      callback: { phoneNumber: caller(1) },
    });
    expect(c.events.ofType('callback.requested').at(-1)).toMatchObject({ replacesItemId: first.itemId });
    // Connect retries the Lambda: the same callback, nothing new.
    expect(await c.pressOne(1)).toEqual({ itemId: booked.itemId, status: 'queued' });

    // The first rep free for callbacks gets the caller who waited longest, though they chose the callback later.
    await c.router.logIn({ repId: 'rep-a', statusId: 'callbacks' });
    expect(c.events.ofType('offer.created').map((e) => e.itemId)).toEqual([booked.itemId]);
    await c.router.accept({ itemId: booked.itemId });
    expect(connect).toHaveReceivedCommandTimes(StartOutboundVoiceContactCommand, 1);
    expect(connect).toHaveReceivedCommandWith(StartOutboundVoiceContactCommand, {
      InstanceId: 'cccccccc-bbbb-dddd-eeee-ffffffffffff',
      ContactFlowId: 'flow-callback-0001',
      DestinationPhoneNumber: caller(1),
      ClientToken: `${booked.itemId}-1`,
      QueueId: 'queue-holding-0001',
      Attributes: { routerItemId: booked.itemId },
    });
    // The parked call was never offered (no rep took voice), so Connect was never asked to target it.
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 0);
    expect((await c.item(later.decision.itemId)).state).toBe('Queued');
  });

  it('a caller whose call was being offered frees that rep, who is offered the next call', async () => {
    const c = await center();
    await c.router.logIn({ repId: 'rep-b', statusId: 'phone' });
    const offered = await c.handOff(flowEventOf(2, { queue: 'voice-q' }));
    const next = await c.handOff(flowEventOf(3, { queue: 'voice-q' }));
    expect((await c.item(offered.itemId)).state).toBe('Offered');
    await c.pressOne(2);
    expect(await c.item(offered.itemId)).toMatchObject({ state: 'Canceled', outcome: 'callbackRequested' });
    expect(await c.item(next.itemId)).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-b' } });
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, { ContactId: contact(3) });
  });
});

describe('a caller who leaves a voicemail: routed once its recording exists', () => {
  it('the voicemail waits for the Object Created event, then reaches a rep with the real key', async () => {
    const c = await center();
    await c.router.logIn({ repId: 'rep-c', statusId: 'digital' });
    const call = await c.handOff(flowEventOf(4, { queue: 'voice-q' }));
    const waitingSince = c.clock.now();
    c.clock.advance(90_000);
    const left = await c.pressTwo(4);
    expect(await c.item(call.itemId)).toMatchObject({ state: 'Canceled', outcome: 'leftVoicemail' });
    // rep-c takes voicemail, but there is nothing to listen to yet.
    expect(await c.item(left.itemId)).toMatchObject({ state: 'Scheduled', requestedAt: waitingSince });
    expect(c.events.ofType('offer.created')).toHaveLength(0);

    c.clock.advance(150_000);
    const key = recordingKey(contact(4));
    expect(await c.recorded(key)).toEqual({ kind: 'queued', itemId: left.itemId });
    expect(await c.item(left.itemId)).toMatchObject({
      state: 'Offered',
      reservation: { repId: 'rep-c' },
      requestedAt: waitingSince,
      attributes: { recordingLocation: `s3://${RECORDINGS_BUCKET}/${key}`, callerNumber: caller(4) },
    });
    // The event names the object: S3 is asked nothing, Connect no contact call (voicemail is not a call; rep-c's
    // login only set their agent status).
    expect(s3.calls()).toHaveLength(0);
    expect(connect.commandCalls(UpdateContactRoutingDataCommand)).toHaveLength(0);
    expect(connect.commandCalls(StartOutboundVoiceContactCommand)).toHaveLength(0);
  });

  it('at the deadline, a lost event is made good by listing the bucket; no recording at all is reported', async () => {
    const c = await center();
    const found = await c.pressTwo(5);
    const lost = await c.pressTwo(6);
    const foundKey = `${PREFIX}/2026/11/25/${contact(5)}_20261125T09:02_UTC.wav`;
    s3.on(ListObjectsV2Command, { Prefix: `${PREFIX}/2026/11/25/${contact(5)}_` }).resolves({
      KeyCount: 1,
      Contents: [{ Key: foundKey, Size: 48044 }],
    });
    s3.on(ListObjectsV2Command, { Prefix: `${PREFIX}/2026/11/25/${contact(6)}_` }).resolves({ KeyCount: 0 });
    s3.on(ListObjectsV2Command, { Prefix: `${PREFIX}/2026/11/26/${contact(6)}_` }).resolves({ KeyCount: 0 });
    c.clock.advance(1_800_000);
    const due = c.timers.takeDue(c.clock.now()).filter((t) => t.kind === 'recordingDue');
    expect(due.map((t) => t.itemId).sort()).toEqual([found.itemId, lost.itemId].sort());
    expect(await c.timerHandler(sqsEvent(due.map((t) => JSON.stringify(t))), context)).toEqual({
      batchItemFailures: [],
    });

    expect(await c.item(found.itemId)).toMatchObject({
      state: 'Queued',
      attributes: { recordingLocation: `s3://${RECORDINGS_BUCKET}/${foundKey}` },
    });
    expect(await c.item(lost.itemId)).toMatchObject({ state: 'Canceled', outcome: 'recordingMissing' });
    expect(c.events.ofType('voicemail.recordingMissing')).toEqual([
      expect.objectContaining({ itemId: lost.itemId, source: contact(6), queueId: 'voicemail-q' }),
    ]);
    expect(s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input)).toEqual([
      { Bucket: RECORDINGS_BUCKET, Prefix: `${PREFIX}/2026/11/25/${contact(5)}_`, MaxKeys: 10 },
      { Bucket: RECORDINGS_BUCKET, Prefix: `${PREFIX}/2026/11/25/${contact(6)}_`, MaxKeys: 10 },
      { Bucket: RECORDINGS_BUCKET, Prefix: `${PREFIX}/2026/11/26/${contact(6)}_`, MaxKeys: 10 },
    ]);
    // A recording that turns up after the report is flagged for a person, and changes nothing.
    const before = (await c.snapshot()).rows;
    expect(await c.recorded(recordingKey(contact(6)))).toEqual({ kind: 'late', itemId: lost.itemId });
    expect((await c.snapshot()).rows).toEqual(before);
  });
});
