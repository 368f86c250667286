import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { invalidInput } from '../domain/config/validate-config';
import { InvalidInputError, NotFoundError } from '../domain/errors';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { logger, metrics, tracer } from '../shared/powertools';

export const timerSchema = z
  .object({
    kind: z.enum(['pushTimeout', 'skillDrop', 'fallback', 'overflow', 'wrapUpEnd', 'reoffer', 'callbackDue']),
    itemId: z.string().min(1).max(128),
    dueAt: z.number().int().positive(),
    guard: z.string().max(256),
  })
  .strict();

function parseTimer(body: string): z.infer<typeof timerSchema> | InvalidInputError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return new InvalidInputError('body', 'is not valid JSON');
  }
  const parsed = timerSchema.safeParse(json);
  return parsed.success ? parsed.data : invalidInput(parsed.error);
}

function drop(message: string, messageId: string, err: InvalidInputError): void {
  logger.error(message, { messageId, field: err.field, problems: err.problems });
  metrics.addMetric('TimerDropped', 'Count', 1);
}

/**
 * Due timers from the timer queue (SQS delays and one-time schedules both land there). Each record is
 * handled on its own; a failing one is reported back for redelivery without redoing the others. A timer
 * that is malformed, or names an unknown item, can never succeed, so it is logged (naming the field) and
 * dropped rather than retried forever.
 */
export const makeHandler = (router: () => Router) =>
  middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const timer = parseTimer(record.body);
      if (timer instanceof InvalidInputError) {
        drop('dropping a malformed timer', record.messageId, timer);
        continue;
      }
      try {
        const outcome = await router().fireTimer(timer);
        metrics.addMetric(`Timer_${outcome.decision.kind}`, 'Count', 1);
      } catch (err) {
        // An unknown item can never come to exist under this id: redelivering would only fill the DLQ.
        if (err instanceof NotFoundError) {
          drop('dropping a timer for an unknown item', record.messageId, err);
          continue;
        }
        logger.warn('timer failed; it will be redelivered', {
          messageId: record.messageId,
          timer,
          error: err as Error,
        });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics));

export const handler = makeHandler(routerFromEnvironment);
