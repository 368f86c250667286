import type { Router } from '../domain/use-cases/router';
import { parseContactEvent } from '../shared/contact-event';
import { routerFromEnvironment } from '../shared/deps';
import { entryPoint } from '../shared/entry-point';
import { logger, metrics } from '../shared/powertools';
import { telephonyFromEnvironment } from '../shared/telephony';

/**
 * Connect contact events drive accept, timeout, abandon, wrap-up and release for voice (semantics §8). Event
 * types AWS adds later are acknowledged and counted, never failed into retries; other channels are ignored.
 */
export const makeHandler = (router: () => Router) =>
  entryPoint(async (input: unknown) => {
    const parsed = parseContactEvent(input);
    if (parsed.kind === 'unknownType') {
      metrics.addMetric('ContactEventUnknownType', 'Count', 1);
      logger.info('contact event of a type routing does not use', { eventType: parsed.eventType });
      return { kind: 'ignored', reason: 'notRelevant' } as const;
    }
    if (!parsed.voice) return { kind: 'ignored', reason: 'notRelevant' } as const;
    const decision = await router().handleContactEvent(parsed.event);
    const metric = decision.kind === 'applied' ? `ContactEvent_${decision.action}` : 'ContactEventIgnored';
    metrics.addMetric(metric, 'Count', 1);
    return decision;
  });

export const handler = makeHandler(() => routerFromEnvironment({ telephony: telephonyFromEnvironment }));
