import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { desktopPushFromEnvironment } from '../shared/desktop-push';
import { entryPoint } from '../shared/entry-point';
import { eventsFromEnvironment } from '../shared/events-port';
import { outboxOf, type StreamRecordImage } from '../shared/outbox-record';
import { logger, metrics } from '../shared/powertools';
import { telephonyFromEnvironment } from '../shared/telephony';
import { timersFromEnvironment } from '../shared/timers-port';

/**
 * The routing table's stream: each commit's outbox entry (events, timers, Connect calls, dials) delivered at least
 * once (ARCHITECTURE.md, "Delivery"). Records of one item arrive in commit order; on a failure the batch stops
 * there and reports it, so Lambda retries from that record and order per item holds. A record that keeps failing
 * goes, after the retries, to the dead-letter queue (its alarm fires).
 */
export const makeHandler = (router: () => Router) =>
  entryPoint(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      try {
        const entry = outboxOf(record.dynamodb as StreamRecordImage | undefined);
        if (!entry) continue;
        await router().dispatch(entry);
        metrics.addMetric('OutboxDispatched', 'Count', 1);
      } catch (error) {
        logger.error('outbox entry not dispatched; retried from here', { error: error as Error });
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
  }),
);
