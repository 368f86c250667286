import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoSetAsideStore } from '../adapters/dynamodb/set-aside-store';
import { FailedInvocations } from '../adapters/lambda/failed-invocations';
import type { Router } from '../domain/use-cases/router';
import * as z from '../domain/zod';
import { routerFromEnvironment } from '../shared/deps';
import { desktopPushFromEnvironment } from '../shared/desktop-push';
import { parsedEntryPoint } from '../shared/entry-point';
import { optionalEnv } from '../shared/env';
import { eventsFromEnvironment } from '../shared/events-port';
import { readOutboxEntry } from '../shared/outbox-record';
import { logger, metrics, tracer } from '../shared/powertools';
import { telephonyFromEnvironment } from '../shared/telephony';
import { timersFromEnvironment } from '../shared/timers-port';

/** The schedule sends `{ "scheduled": true }`; an operator (npm run redrive) names what to redrive, or nothing. */
const input = z.looseObject({
  scheduled: z.optional(z.boolean()),
  reasons: z.optional(z.array(z.enum(['transient', 'rejected', 'unreadable']))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5000))),
});

/**
 * Delivers again what could not be delivered (semantics §10): set-aside outbox entries, in commit order per item,
 * and the asynchronous events their functions failed (FAILED_INVOCATIONS_QUEUE_URL). Every minute on a schedule,
 * each entry after its backoff; on an operator's call, everything now. Reports what went and what still fails.
 */
export const makeHandler = (router: () => Router, failed: () => FailedInvocations | undefined) =>
  parsedEntryPoint(input, async (e) => {
    // Sized to end well inside the function's minute; what is left waits for the next run.
    const outbox = await router().redrive(readOutboxEntry, {
      backOff: e.scheduled === true,
      limit: e.limit ?? 200,
      ...(e.reasons ? { reasons: e.reasons } : {}),
    });
    const invocations = await failed()?.redrive(20);
    metrics.addMetric('RedriveDelivered', 'Count', outbox.delivered + (invocations?.redriven ?? 0));
    const still = Object.values(outbox.stillFailing).reduce((a, b) => a + b, 0) + (invocations?.stillFailing ?? 0);
    metrics.addMetric('RedriveStillFailing', 'Count', still);
    if (still) logger.warn('redrive: some deliveries still fail', { outbox, invocations });
    return { outbox, invocations: invocations ?? null };
  });

let failedInvocations: FailedInvocations | undefined;

export const handler = makeHandler(
  () =>
    routerFromEnvironment({
      telephony: telephonyFromEnvironment,
      events: eventsFromEnvironment,
      timers: timersFromEnvironment,
      desktops: desktopPushFromEnvironment,
      setAside: (db, table) => new DynamoSetAsideStore(db, table),
    }),
  () => {
    const url = optionalEnv('FAILED_INVOCATIONS_QUEUE_URL');
    if (!url) return undefined;
    failedInvocations ??= new FailedInvocations(
      tracer.captureAWSv3Client(new SQSClient({})),
      tracer.captureAWSv3Client(new LambdaClient({})),
      url,
    );
    return failedInvocations;
  },
);
