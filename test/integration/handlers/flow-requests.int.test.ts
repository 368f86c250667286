import { makeHandler as makeCallbackRequest } from '../../../lambdas/handlers/callback-request';
import { makeHandler as makeRecordingArrived } from '../../../lambdas/handlers/recording-arrived';
import { makeHandler as makeVoicemail } from '../../../lambdas/handlers/voicemail';
import flowEvent from '../../fixtures/events/contact-flow-event.json';
import { objectCreatedFor, RECORDINGS_BUCKET, recordingKey } from '../../fixtures/events/object-created';
import { transferCenter } from '../../fixtures/transfer-center';
import { makeHarness } from '../../support/harness';
import { lambdaContext } from '../../support/lambda-context';

const context = lambdaContext();
const withParameters = (parameters: Record<string, unknown>) => ({
  ...flowEvent,
  Details: { ...flowEvent.Details, Parameters: parameters },
});
const CONTACT = flowEvent.Details.ContactData.ContactId;
describe('voicemail branch handler (semantics §9)', () => {
  it('stores a voicemail with the caller, not routed until its recording exists; idempotent per contact', async () => {
    const h = await makeHarness(transferCenter());
    await h.router.logIn({ repId: 'rep-c', statusId: 'digital' });
    const handler = makeVoicemail(
      () => h.router,
      () => 600,
    );
    const answer = await handler(withParameters({ queue: 'voicemail-q' }) as never, context);
    expect(answer).toEqual({ itemId: expect.any(String), status: 'stored' });
    const item = await h.item(answer.itemId);
    expect(item).toMatchObject({
      channel: 'voicemail',
      source: CONTACT,
      queueId: 'voicemail-q',
      state: 'Scheduled',
      voicemail: { recordingDueBy: h.clock.now() + 600_000 },
      attributes: { customerTier: 'gold', contactId: CONTACT, callerNumber: '+441234567890' },
    });
    expect(item.attributes.recordingLocation).toBeUndefined();
    expect(h.events.ofType('voicemail.awaitingRecording')).toHaveLength(1);
    expect(await handler(withParameters({ queue: 'voicemail-q' }) as never, context)).toEqual({
      itemId: answer.itemId,
      status: 'duplicate',
    });
  });

  it('queues and routes the voicemail once the recordings bucket reports its object, with the real key', async () => {
    const h = await makeHarness(transferCenter());
    await h.router.logIn({ repId: 'rep-c', statusId: 'digital' });
    const { itemId } = await makeVoicemail(() => h.router)(withParameters({ queue: 'voicemail-q' }) as never, context);
    const arrived = makeRecordingArrived(() => h.router);
    const key = recordingKey(CONTACT);
    expect(await arrived(objectCreatedFor(key) as never, context)).toEqual({ kind: 'queued', itemId });
    expect(await h.item(itemId)).toMatchObject({
      state: 'Offered',
      reservation: { repId: 'rep-c' },
      attributes: { recordingLocation: `s3://${RECORDINGS_BUCKET}/${key}` },
    });
    expect(h.events.ofType('work.queued').at(-1)).toMatchObject({ itemId, reason: 'recordingArrived' });
    // EventBridge delivers at least once: the second delivery changes nothing.
    const before = (await h.snapshot()).rows;
    expect(await arrived(objectCreatedFor(key) as never, context)).toEqual({ kind: 'stale', itemId });
    expect((await h.snapshot()).rows).toEqual(before);
  });

  it('ignores recordings of ordinary calls and objects that are not call recordings', async () => {
    const h = await makeHarness(transferCenter());
    const arrived = makeRecordingArrived(() => h.router);
    const other = recordingKey('0b7a4f52-5d1e-4c55-9a43-3d0e2f9a1c11');
    expect(await arrived(objectCreatedFor(other) as never, context)).toEqual({ kind: 'notVoicemail' });
    const transcript = `connect/acme/Analysis/Voice/2026/12/01/${CONTACT}_analysis_2026-12-01T11:02:00Z.json`;
    expect(await arrived(objectCreatedFor(transcript) as never, context)).toEqual({ kind: 'notVoicemail' });
    expect((await h.snapshot()).items).toHaveLength(0);
  });

  it('refuses a queue of another channel, naming it, and stores nothing', async () => {
    const h = await makeHarness(transferCenter());
    const handler = makeVoicemail(() => h.router);
    await expect(handler(withParameters({ queue: 'chat-q' }) as never, context)).rejects.toMatchObject({
      field: 'queue',
    });
    await expect(handler(withParameters({}) as never, context)).rejects.toMatchObject({
      field: 'Details.Parameters.queue',
    });
    expect((await h.snapshot()).items).toHaveLength(0);
  });
});

describe('callback request handler (semantics §9)', () => {
  it("stores a callback to the caller's number, now or at the chosen time, idempotent per contact", async () => {
    const h = await makeHarness(transferCenter());
    const handler = makeCallbackRequest(() => h.router);
    const at = Math.floor(h.clock.now() / 1000) + 7200;
    const answer = await handler(withParameters({ queue: 'callback-q', atEpochSeconds: String(at) }) as never, context);
    expect(answer).toEqual({ itemId: expect.any(String), status: 'scheduled' });
    expect(await h.item(answer.itemId)).toMatchObject({
      channel: 'callback',
      state: 'Scheduled',
      callback: { phoneNumber: '+441234567890', dueAt: at * 1000, maxAttempts: 2 },
      attributes: { customerTier: 'gold', requestedBy: 'flow' },
    });
    expect(
      (await handler(withParameters({ queue: 'callback-q', atEpochSeconds: String(at) }) as never, context)).itemId,
    ).toBe(answer.itemId);
  });

  it('names the bad field: a time that is not epoch seconds, a number that is not E.164', async () => {
    const h = await makeHarness(transferCenter());
    const handler = makeCallbackRequest(() => h.router);
    await expect(
      handler(withParameters({ queue: 'callback-q', atEpochSeconds: 'tomorrow' }) as never, context),
    ).rejects.toMatchObject({ field: 'Details.Parameters.atEpochSeconds' });
    await expect(
      handler(withParameters({ queue: 'callback-q', phoneNumber: '0800 FLOWERS' }) as never, context),
    ).rejects.toMatchObject({ field: 'phoneNumber' });
    expect((await h.snapshot()).items).toHaveLength(0);
  });
});
