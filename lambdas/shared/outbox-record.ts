import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { routingTableDefinition } from '../adapters/dynamodb/table-definition';
import type { OutboxEntry } from '../domain/routing/outbox';

/** An outbox entry as a row carries it: the shape is checked at the edge, the events by their own schemas later. */
const entrySchema = z
  .object({
    id: z.string().min(1).max(512),
    at: z.number(),
    events: z.array(z.object({ type: z.string(), eventId: z.string() }).loose()),
    timers: z.array(z.object({ kind: z.string(), itemId: z.string(), dueAt: z.number(), guard: z.string() }).loose()),
    followUps: z.array(z.object({ kind: z.enum(['connectRep', 'dialCallback']), itemId: z.string() }).loose()),
  })
  .strict();

/**
 * An empty map reaches some readers as a bare `{}` (DynamoDB Local's stream through the SDK's stream client drops
 * the `M` tag of an empty map): tagged again, so the unmarshalling is the same whoever read the record.
 */
function tagEmptyMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tagEmptyMaps);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 0) return { M: {} };
  const [[tag, inner]] = entries as [[string, unknown]];
  if (entries.length === 1 && (tag === 'M' || tag === 'L')) {
    if (tag === 'L') return { L: (inner as unknown[]).map(tagEmptyMaps) };
    return { M: Object.fromEntries(Object.entries(inner as object).map(([k, v]) => [k, tagEmptyMaps(v)])) };
  }
  return value;
}

/** One DynamoDB stream record: its new image, in the stream's attribute-value form. */
export interface StreamRecordImage {
  readonly NewImage?: Record<string, unknown>;
}

/**
 * The outbox entry a stream record's new image carries, or undefined for a write that carries none (a rep row
 * written only for capacity, a source claim). A malformed entry throws: it goes to the dead-letter destination.
 */
export function outboxOf(image: StreamRecordImage | undefined): OutboxEntry | undefined {
  const raw = image?.NewImage?.[routingTableDefinition.outboxAttribute];
  if (raw === undefined) return undefined;
  const value = unmarshall({ entry: tagEmptyMaps(raw) as AttributeValue }).entry;
  return entrySchema.parse(value) as unknown as OutboxEntry;
}
