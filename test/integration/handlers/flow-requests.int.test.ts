import { makeHandler as makeCallbackRequest } from '../../../lambdas/handlers/callback-request';
import { makeHandler as makeVoicemail } from '../../../lambdas/handlers/voicemail';
import flowEvent from '../../fixtures/events/contact-flow-event.json';
import { transferCenter } from '../../fixtures/transfer-center';
import { makeHarness } from '../../support/harness';
import { lambdaContext } from '../../support/lambda-context';

const context = lambdaContext();
const withParameters = (parameters: Record<string, unknown>) => ({
  ...flowEvent,
  Details: { ...flowEvent.Details, Parameters: parameters },
});
const CONTACT = flowEvent.Details.ContactData.ContactId;
const PREFIX = 's3://connect-recordings-111111111111/connect/acme/CallRecordings';

describe('voicemail branch handler (semantics §9)', () => {
  it("stores a voicemail item with the recording's location and the caller, routed asynchronously", async () => {
    const h = await makeHarness(transferCenter());
    await h.router.logIn({ repId: 'rep-c', statusId: 'digital' });
    const handler = makeVoicemail(
      () => h.router,
      () => `${PREFIX}/`,
    );
    const answer = await handler(withParameters({ queue: 'voicemail-q' }) as never, context);
    expect(answer).toEqual({ itemId: expect.any(String), status: 'stored' });
    expect(await h.item(answer.itemId)).toMatchObject({
      channel: 'voicemail',
      source: CONTACT,
      queueId: 'voicemail-q',
      state: 'Offered',
      reservation: { repId: 'rep-c' },
      attributes: {
        customerTier: 'gold',
        contactId: CONTACT,
        callerNumber: '+441234567890',
        recordingLocation: `${PREFIX}/${CONTACT}`,
      },
    });
    expect(await handler(withParameters({ queue: 'voicemail-q' }) as never, context)).toEqual({
      itemId: answer.itemId,
      status: 'duplicate',
    });
  });

  it('refuses a queue of another channel, naming it, and stores nothing', async () => {
    const h = await makeHarness(transferCenter());
    const handler = makeVoicemail(
      () => h.router,
      () => PREFIX,
    );
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
