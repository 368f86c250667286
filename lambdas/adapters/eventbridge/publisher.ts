import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { InvalidInputError } from '../../domain/errors';
import type { EventSink } from '../../domain/ports';
import { EVENT_SCHEMA_VERSION, eventSchemas } from '../../domain/routing/event-schemas';
import type { RoutingEvent } from '../../domain/routing/events';
import { EVENT_SOURCE } from './event-source';

/** PutEvents takes at most 10 entries per call. */
const BATCH = 10;

export interface PublisherOptions {
  readonly maxAttempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Publishes routing events to the router's bus: batches of at most 10, and only the entries that failed are
 * sent again (with backoff and jitter). Each event is validated against its catalogue schema first, so a
 * subscriber never receives an event that breaks its published contract.
 */
export class EventBridgePublisher implements EventSink {
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
    options: PublisherOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async publish(events: readonly RoutingEvent[]): Promise<void> {
    const entries = events.map((e) => this.entry(e));
    for (let i = 0; i < entries.length; i += BATCH) await this.send(entries.slice(i, i + BATCH));
  }

  entry(e: RoutingEvent): PutEventsRequestEntry {
    // A type this version has no schema for (written by a newer one) is refused as such, never sent unchecked.
    const schema = eventSchemas[e.type] as (typeof eventSchemas)[RoutingEvent['type']] | undefined;
    if (!schema) throw new InvalidInputError('type', `no schema for event type '${e.type}' in this version`);
    const detail = schema.parse(e);
    return {
      EventBusName: this.busName,
      Source: EVENT_SOURCE,
      DetailType: e.type,
      Time: new Date(e.at),
      Detail: JSON.stringify({ ...detail, schemaVersion: EVENT_SCHEMA_VERSION }),
    };
  }

  private async send(batch: PutEventsRequestEntry[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      const out = await this.client.send(new PutEventsCommand({ Entries: pending }));
      if (!out.FailedEntryCount) return;
      // Results are positional: keep exactly the entries that carry an error code.
      const failed = pending.filter((_, i) => out.Entries?.[i]?.ErrorCode);
      const codes = [...new Set((out.Entries ?? []).flatMap((r) => (r.ErrorCode ? [r.ErrorCode] : [])))];
      if (attempt >= this.maxAttempts) {
        throw new Error(
          `PutEvents: ${failed.length} of ${batch.length} events still failing after ${attempt} attempts ` +
            `(${codes.join(', ')})`,
        );
      }
      pending = failed;
      await this.sleep(Math.random() * 50 * 2 ** attempt);
    }
  }
}
