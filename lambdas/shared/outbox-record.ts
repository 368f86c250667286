import { routingTableDefinition } from '../adapters/dynamodb/table-definition';
import { OUTBOX_FORMAT, type OutboxEntry } from '../domain/routing/outbox';
import type { OutboxRecord } from '../domain/use-cases/dispatch';
import * as z from '../domain/zod';

/**
 * An outbox entry as a row carries it: the shape is checked at the edge, the events by their own schemas later.
 * Loose, so fields a newer version adds are ignored; a follow-up of a kind this version does not know is not
 * dropped, it makes the entry unreadable here (set aside whole).
 */
const entrySchema = (format: number) =>
  z.looseObject({
    v: z.optional(z.number().check(z.int(), z.gte(1), z.lte(format))),
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

/**
 * A reader of entries up to `format` (the version this is; tests name another, to play a dispatcher a version
 * behind or ahead of its writers). Anything it cannot read throws, naming what.
 */
export function entryReader(format: number): (raw: string) => OutboxEntry {
  const schema = entrySchema(format);
  return (raw) => {
    const { v: _format, ...entry } = schema.parse(JSON.parse(raw));
    return entry as unknown as OutboxEntry;
  };
}

/** One DynamoDB stream record: its new image, in the stream's attribute-value form. */
export interface StreamRecordImage {
  readonly NewImage?: Record<string, unknown>;
}

/** Reads an entry's JSON text as this version does. */
export const readOutboxEntry = entryReader(OUTBOX_FORMAT);

/** The entry's JSON text a stream record's new image carries, or undefined for a write that carries none. */
function rawOf(image: StreamRecordImage | undefined): string | undefined {
  const raw = image?.NewImage?.[routingTableDefinition.outboxAttribute];
  if (raw === undefined) return undefined;
  // Rows carry the entry as one JSON string (adapters/dynamodb/mappers.ts, outboxValue).
  const text = (raw as { S?: unknown }).S;
  return typeof text === 'string' ? text : JSON.stringify(raw);
}

/**
 * A stream record's outbox entry as the dispatcher takes it: read, or kept whole as text with why it could not be
 * (with the id and time it names, when it names them, for ordering), or undefined when the write carried none.
 */
export function outboxRecordOf(
  image: StreamRecordImage | undefined,
  approximateAt = 0,
  read = readOutboxEntry,
): OutboxRecord | undefined {
  const raw = rawOf(image);
  if (raw === undefined) return undefined;
  try {
    return { entry: read(raw), raw };
  } catch (err) {
    const named = (() => {
      try {
        return JSON.parse(raw) as { id?: unknown; at?: unknown };
      } catch {
        return {};
      }
    })();
    const entryId = typeof named.id === 'string' ? named.id : `unreadable@${approximateAt}`;
    const at = typeof named.at === 'number' ? named.at : approximateAt;
    return { unreadable: String((err as Error)?.message ?? err).slice(0, 1000), raw, entryId, at };
  }
}

/** The outbox entry a record carries (local drains and tests, which read only what this version writes). */
export function outboxOf(image: StreamRecordImage | undefined): OutboxEntry | undefined {
  const raw = rawOf(image);
  return raw === undefined ? undefined : readOutboxEntry(raw);
}
