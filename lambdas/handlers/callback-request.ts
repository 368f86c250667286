import type { Router } from '../domain/use-cases/router';
import * as z from '../domain/zod';
import { connectFlowEvent } from '../shared/connect-flow-event';
import { routerFromEnvironment } from '../shared/deps';
import { parsedEntryPoint } from '../shared/entry-point';
import { metrics } from '../shared/powertools';

/** Block parameters: the callback queue; optionally a number other than the caller's and a time (epoch seconds). */
export const callbackFlowEventSchema = connectFlowEvent(
  z.looseObject({
    queue: z.string().check(z.minLength(1), z.maxLength(64)),
    phoneNumber: z.optional(z.string().check(z.maxLength(32))),
    atEpochSeconds: z.optional(
      z.pipe(
        z.string().check(z.regex(/^\d{9,11}$/, 'must be epoch seconds')),
        z.transform((s: string) => Number(s) * 1000),
      ),
    ),
  }),
);

/**
 * "Call me back" in the inbound flow (semantics §9): the caller's request is stored as a callback work item, by
 * default to the number they called from; the flow then thanks them and hangs up. Idempotent per ContactId.
 */
export const makeHandler = (router: () => Router) =>
  parsedEntryPoint(callbackFlowEventSchema, async (event) => {
    const { ContactData: contact, Parameters: p } = event.Details;
    const { decision } = await router().requestCallback({
      source: contact.ContactId,
      queue: p.queue,
      phoneNumber: p.phoneNumber ?? contact.CustomerEndpoint?.Address ?? '',
      at: p.atEpochSeconds,
      attributes: { ...contact.Attributes, requestedBy: 'flow' },
      // From the queue's menu the caller leaves a waiting call: it ends, and the callback keeps its place.
      leavesQueue: true,
    });
    metrics.addMetric('CallbackRequested', 'Count', 1);
    return { itemId: decision.itemId, status: decision.kind };
  });

export const handler = makeHandler(() => routerFromEnvironment({}));
