import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import type { Router } from '../domain/use-cases/router';
import { connectFlowEvent } from '../shared/connect-flow-event';
import { routerFromEnvironment } from '../shared/deps';
import { requireEnv } from '../shared/env';
import { parseInput } from '../shared/parse-input';
import { logger, metrics, tracer } from '../shared/powertools';

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
  middy(async (event: z.infer<typeof voicemailFlowEventSchema>) => {
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
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use(parseInput(voicemailFlowEventSchema));

export const handler = makeHandler(routerFromEnvironment);
