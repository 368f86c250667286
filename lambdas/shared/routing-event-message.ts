import { EVENT_SOURCE } from '../adapters/eventbridge/event-source';
import { eventSchemas } from '../domain/routing/event-schemas';
import type { RoutingEvent } from '../domain/routing/events';
import * as z from '../domain/zod';

/** An EventBridge event as the rule's SQS target delivers it: the envelope, with the routing event as `detail`. */
const envelope = z.looseObject({
  source: z.literal(EVENT_SOURCE),
  'detail-type': z.string(),
  detail: z.looseObject({ type: z.string(), schemaVersion: z.optional(z.number().check(z.int())) }),
});

/**
 * The routing event in one queued message, checked against its catalogue schema. A message that is not one (or
 * of a type this version does not know) is undefined: the read model skips it and says so, never fails on it.
 */
export function routingEventOf(body: string): RoutingEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const e = envelope.safeParse(parsed);
  if (!e.success) return undefined;
  const { schemaVersion: _version, ...detail } = e.data.detail;
  const schema = eventSchemas[detail.type as RoutingEvent['type']];
  const checked = schema?.safeParse(detail);
  return checked?.success ? (checked.data as RoutingEvent) : undefined;
}
