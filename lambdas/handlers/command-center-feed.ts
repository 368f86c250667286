import { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { S3ModelStore } from '../adapters/s3/command-center-store';
import { type feedCommandCenter as Feed, feedCommandCenter } from '../command-center/feed';
import { configFromEnvironment } from '../shared/deps';
import { desktopPushFromEnvironment } from '../shared/desktop-push';
import { entryPoint } from '../shared/entry-point';
import { requireEnv } from '../shared/env';
import { logger, metrics, tracer } from '../shared/powertools';
import { routingEventOf } from '../shared/routing-event-message';

type FeedDeps = Parameters<typeof Feed>[0];

/**
 * The deployed Command Center's read model: routing events from the bus, through a queue, in batches. One batch
 * is one load-apply-save of the model (conditional on its version); a failed batch is retried whole by SQS, and
 * events it already applied are skipped by id. Supervisors' pages are then told to fetch the new snapshot.
 */
export const makeHandler = (deps: () => FeedDeps) =>
  entryPoint(async (event: SQSEvent) => {
    const events = event.Records.flatMap((r) => {
      const e = routingEventOf(r.body);
      if (!e) logger.warn('not a routing event; skipped', { messageId: r.messageId });
      return e ? [e] : [];
    });
    const result = await feedCommandCenter(deps(), events);
    metrics.addMetric('CommandCenterEvents', 'Count', result.applied);
    if (result.attempts > 1) metrics.addMetric('CommandCenterRetries', 'Count', result.attempts - 1);
    return result;
  });

let deps: FeedDeps | undefined;
export const handler = makeHandler(() => {
  deps ??= {
    store: new S3ModelStore(tracer.captureAWSv3Client(new S3Client({})), requireEnv('MODEL_BUCKET')),
    config: configFromEnvironment(),
    serviceLevelSeconds: Number(process.env.SERVICE_LEVEL_SECONDS ?? 20),
    now: Date.now,
    nudge: desktopPushFromEnvironment(),
  };
  return deps;
});
