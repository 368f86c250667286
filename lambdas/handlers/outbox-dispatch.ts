import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoSetAsideStore } from '../adapters/dynamodb/set-aside-store';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { desktopPushFromEnvironment } from '../shared/desktop-push';
import { entryPoint } from '../shared/entry-point';
import { eventsFromEnvironment } from '../shared/events-port';
import { outboxRecordOf, readOutboxEntry, type StreamRecordImage } from '../shared/outbox-record';
import { logger, metrics } from '../shared/powertools';
import { countRouting } from '../shared/routing-metrics';
import { telephonyFromEnvironment } from '../shared/telephony';
import { timersFromEnvironment } from '../shared/timers-port';

/**
 * The routing table's stream: each commit's outbox entry (timers, Connect calls, dials, events) delivered at least
 * once (ARCHITECTURE.md, "Delivery"). Records of one item arrive in commit order. What a dependency fails, or
 * refuses, is set aside whole in the table and the record is done, so no lane waits behind it; only a failure to
 * set it aside stops the batch there (Lambda retries from that record, up to the mapping's maximum record age).
 */
export const makeHandler = (router: () => Router, read = readOutboxEntry) =>
  entryPoint(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      // Epoch seconds: names the commit's time for an entry too broken to say it.
      const at = (record.dynamodb?.ApproximateCreationDateTime ?? 0) * 1000;
      try {
        const outbox = outboxRecordOf(record.dynamodb as StreamRecordImage | undefined, at, read);
        if (!outbox) continue;
        const decision = await router().deliver(outbox);
        if ('entry' in outbox) countRouting(outbox.entry.events);
        if (decision.kind === 'dispatched') metrics.addMetric('OutboxDispatched', 'Count', 1);
        else {
          logger.warn('outbox entry set aside for redrive', { ...decision });
          metrics.addMetric('OutboxSetAside', 'Count', 1);
          if (decision.reason !== 'transient') metrics.addMetric('OutboxSetAsideRejected', 'Count', 1);
        }
      } catch (error) {
        logger.error('outbox entry neither delivered nor set aside; retried from here', { error: error as Error });
        metrics.addMetric('OutboxDispatchFailed', 'Count', 1);
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  });

export const handler = makeHandler(() =>
  routerFromEnvironment({
    telephony: telephonyFromEnvironment,
    events: eventsFromEnvironment,
    timers: timersFromEnvironment,
    desktops: desktopPushFromEnvironment,
    setAside: (db, table) => new DynamoSetAsideStore(db, table),
  }),
);
