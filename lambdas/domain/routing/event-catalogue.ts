import * as z from '../zod';
import { EVENT_SCHEMA_VERSION, eventDescriptions, eventSchemas } from './event-schemas';
import type { RoutingEventType } from './events';

/** JSON Schema of one event's EventBridge `detail`, generated from the schema that validates it. */
export function eventJsonSchema(type: RoutingEventType): Record<string, unknown> {
  // The catalogue's description replaces a schema's own (kept by z.extend), so it stays last in the document.
  const { description: _own, ...schema } = z.toJSONSchema(
    z.extend(eventSchemas[type], { schemaVersion: z.literal(EVENT_SCHEMA_VERSION) }),
    { io: 'input' },
  ) as Record<string, unknown>;
  return {
    ...schema,
    $id: `unified-routing/events/${type}/v${EVENT_SCHEMA_VERSION}`,
    title: type,
    description: eventDescriptions[type],
  };
}

/** The catalogue page (docs/events/README.md). */
export function eventCataloguePage(): string {
  const rows = (Object.keys(eventSchemas) as RoutingEventType[]).map(
    (t) => `| \`${t}\` | ${eventDescriptions[t]} | [${t}.json](${t}.json) |`,
  );
  return [
    '# Event catalogue',
    '',
    "Every routing state change is published to the router's EventBridge bus. The events are committed with the",
    'change that caused them (a transactional outbox on the routing table, delivered from its stream), so:',
    '',
    '- **none is lost**: every event of every committed change is published at least once, whatever crashes;',
    '- **repeats are identical**: a redelivered event has the same `eventId` (and the same content), so',
    '  de-duplicate by `detail.eventId`;',
    "- **order by `itemVersion`**: items' events carry the item's version after the change. Deliveries are not",
    "  ordered, so order one item's events by it (events of one change share it; their `eventId` ends with their",
    '  position in that change).',
    '',
    '`source` is `unified-routing`, `detail-type` is the event type, and `detail` carries `schemaVersion`',
    `(currently ${EVENT_SCHEMA_VERSION}). The JSON Schemas here are generated from the same zod schemas the publisher`,
    'validates with (`npm run schemas`); a test fails if they drift.',
    '',
    '| detail-type | meaning | schema |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
