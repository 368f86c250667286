import { z } from 'zod';
import type { Router } from '../domain/use-cases/router';
import { connectFlowEvent } from '../shared/connect-flow-event';
import { routerFromEnvironment } from '../shared/deps';
import { parsedEntryPoint } from '../shared/entry-point';
import { requireEnv } from '../shared/env';
import { metrics } from '../shared/powertools';

export const voicemailFlowEventSchema = connectFlowEvent(z.object({ queue: z.string().min(1).max(64) }).loose());

/**
 * Where a contact's recording will be: Connect writes call recordings under the instance's storage prefix,
 * keyed by contact id, shortly after the call ends. The item carries the location; a rep opens it when the
 * asynchronous item reaches them, by which time the file exists.
 */
export const recordingLocation = (prefix: string, contactId: string) => `${prefix.replace(/\/+$/, '')}/${contactId}`;

/**
 * The voicemail branch of the inbound flow (semantics §9): the caller's message becomes a `voicemail` work item
 * with the recording's location and the caller's details, routed like any asynchronous work.
 */
export const makeHandler = (router: () => Router, prefix = () => requireEnv('RECORDING_LOCATION_PREFIX')) =>
  parsedEntryPoint(voicemailFlowEventSchema, async (event) => {
    const { ContactData: contact, Parameters: p } = event.Details;
    const { decision } = await router().submitWork({
      channel: 'voicemail',
      source: contact.ContactId,
      queue: p.queue,
      attributes: {
        ...contact.Attributes,
        contactId: contact.ContactId,
        recordingLocation: recordingLocation(prefix(), contact.ContactId),
        ...(contact.CustomerEndpoint?.Address ? { callerNumber: contact.CustomerEndpoint.Address } : {}),
      },
    });
    metrics.addMetric('Voicemail', 'Count', 1);
    return { itemId: decision.itemId, status: decision.duplicate ? 'duplicate' : 'stored' };
  });

// Voicemail is digital work: submitting it never makes a voice offer or a dial, so no telephony (nor its grant).
export const handler = makeHandler(() => routerFromEnvironment({ telephony: false }));
