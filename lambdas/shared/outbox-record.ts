import { routingTableDefinition } from '../adapters/dynamodb/table-definition';
import type { OutboxEntry } from '../domain/routing/outbox';
import * as z from '../domain/zod';

/** An outbox entry as a row carries it: the shape is checked at the edge, the events by their own schemas later. */
const entrySchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(512)),
  at: z.number(),
  events: z.array(z.looseObject({ type: z.string(), eventId: z.string() })),
  timers: z.array(z.looseObject({ kind: z.string(), itemId: z.string(), dueAt: z.number(), guard: z.string() })),
  followUps: z.array(
    z.union([
      z.looseObject({ kind: z.enum(['connectRep', 'dialCallback']), itemId: z.string() }),
      z.looseObject({ kind: z.literal('setAgentStatus'), repId: z.string() }),
    ]),
  ),
});

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
  // Rows carry the entry as one JSON string (adapters/dynamodb/mappers.ts, outboxValue).
  const text = (raw as { S?: unknown }).S;
  if (typeof text !== 'string') throw new Error('outbox: expected the entry as a JSON string (S)');
  return entrySchema.parse(JSON.parse(text)) as unknown as OutboxEntry;
}
