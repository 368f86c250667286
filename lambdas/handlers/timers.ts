import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { logger, metrics, tracer } from '../shared/powertools';

export const timerSchema = z.object({
  kind: z.enum(['pushTimeout', 'skillDrop', 'fallback', 'overflow', 'wrapUpEnd', 'reoffer']),
  itemId: z.string().min(1), dueAt: z.number().int(), guard: z.string(),
}).strict();

/**
 * Due timers from the timer queue (SQS delays and one-time schedules both land there). Each record is
 * handled on its own; a failing one is reported back for redelivery without redoing the others. A timer
 * that is malformed can never succeed, so it is logged and dropped rather than retried forever.
 */
export const makeHandler = (router: () => Router) => middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    let timer: z.infer<typeof timerSchema>;
    try {
      timer = timerSchema.parse(JSON.parse(record.body));
    } catch (err) {
      logger.error('dropping a malformed timer', { messageId: record.messageId, error: err as Error });
      metrics.addMetric('TimerMalformed', 'Count', 1);
      continue;
    }
    try {
      const outcome = await router().fireTimer(timer);
      metrics.addMetric(`Timer_${outcome.decision.kind}`, 'Count', 1);
    } catch (err) {
      logger.warn('timer failed; it will be redelivered', { messageId: record.messageId, timer, error: err as Error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(captureLambdaHandler(tracer))
  .use(logMetrics(metrics));

export const handler = makeHandler(routerFromEnvironment);
