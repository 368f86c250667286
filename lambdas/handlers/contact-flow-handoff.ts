import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { parsedEntryPoint } from '../shared/entry-point';
import { handOffEventSchema } from '../shared/handoff-event';
import { metrics } from '../shared/powertools';

/**
 * The inbound flow's hand-off (semantics §8): the parked call becomes a voice work item and is routed at once.
 * Idempotent per ContactId (Connect retries): a retry answers with the same item. Answers a flat string map.
 */
export const makeHandler = (router: () => Router) =>
  parsedEntryPoint(handOffEventSchema, async (event) => {
    const { ContactData: contact, Parameters: p } = event.Details;
    const { decision: d } = await router().submitWork({
      channel: 'voice',
      source: contact.ContactId,
      queue: p.queue,
      priority: p.priority,
      ...(p.skills ? { skills: p.skills } : {}),
      ...(p.preferredRep ? { preferredRep: { repId: p.preferredRep } } : {}),
      attributes: contact.Attributes,
    });
    metrics.addMetric(d.duplicate ? 'HandOffRetried' : 'HandOff', 'Count', 1);
    return { itemId: d.itemId, status: d.duplicate ? 'duplicate' : (d.routing?.kind ?? 'queued') };
  });

// Its offer's Connect call is in the commit's outbox entry: the dispatcher makes it.
export const handler = makeHandler(() => routerFromEnvironment({}));
