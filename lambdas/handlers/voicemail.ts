import type { Router } from '../domain/use-cases/router';
import * as z from '../domain/zod';
import { connectFlowEvent } from '../shared/connect-flow-event';
import { routerFromEnvironment } from '../shared/deps';
import { parsedEntryPoint } from '../shared/entry-point';
import { optionalEnv } from '../shared/env';
import { metrics } from '../shared/powertools';

export const voicemailFlowEventSchema = connectFlowEvent(
  z.looseObject({ queue: z.string().check(z.minLength(1), z.maxLength(64)) }),
);

/** How long a recording may take to appear (seconds), from the stack; the use case's default otherwise. */
const recordingWait = () => {
  const seconds = optionalEnv('VOICEMAIL_RECORDING_WAIT_SECONDS');
  return seconds === undefined ? undefined : Number(seconds);
};

/**
 * A caller is about to leave a message (semantics §9): from the queue's menu, after hours or at a full queue. The
 * voicemail item waits for its recording (the recordings bucket reports it); a waiting call it replaces ends with
 * it, and the voicemail keeps that call's place in line. Idempotent per ContactId (Connect retries).
 */
export const makeHandler = (router: () => Router, waitSeconds = recordingWait) =>
  parsedEntryPoint(voicemailFlowEventSchema, async (event) => {
    const { ContactData: contact, Parameters: p } = event.Details;
    const { decision } = await router().storeVoicemail({
      contactId: contact.ContactId,
      queue: p.queue,
      recordingWaitSeconds: waitSeconds(),
      attributes: {
        ...contact.Attributes,
        ...(contact.CustomerEndpoint?.Address ? { callerNumber: contact.CustomerEndpoint.Address } : {}),
      },
    });
    metrics.addMetric('Voicemail', 'Count', 1);
    const duplicate = decision.kind === 'awaitingRecording' && decision.duplicate;
    return { itemId: decision.itemId ?? '', status: duplicate ? 'duplicate' : 'stored' };
  });

// Telephony: the waiting call this voicemail ends may have been offered to a rep, who may be offered a call next.
export const handler = makeHandler(() => routerFromEnvironment({}));
