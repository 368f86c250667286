import type { Router } from '../domain/use-cases/router';
import { contactEventSchema, toContactEvent } from '../shared/contact-event';
import { routerFromEnvironment } from '../shared/deps';
import { parsedEntryPoint } from '../shared/entry-point';
import { metrics } from '../shared/powertools';

/** Connect contact events drive accept, timeout, abandon, wrap-up and release for voice (semantics §8). */
export const makeHandler = (router: () => Router) =>
  parsedEntryPoint(contactEventSchema, async (event) => {
    if (event.detail.channel !== 'VOICE') return { kind: 'ignored', reason: 'notRelevant' } as const;
    const decision = await router().handleContactEvent(toContactEvent(event.detail));
    const metric = decision.kind === 'applied' ? `ContactEvent_${decision.action}` : 'ContactEventIgnored';
    metrics.addMetric(metric, 'Count', 1);
    return decision;
  });

export const handler = makeHandler(routerFromEnvironment);
