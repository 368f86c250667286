import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { parseInput } from '../shared/parse-input';
import { logger, metrics, tracer } from '../shared/powertools';

export const WORK_SUBMITTED = 'Work Submitted';

/** A digital channel submits work as an EventBridge event; `detail` is the submission (see submitWorkSchema). */
export const workSubmittedEventSchema = z
  .object({
    'detail-type': z.literal(WORK_SUBMITTED),
    // Passed through untouched (a record schema would drop keys such as `__proto__`); submitWork validates it whole.
    detail: z.custom<Record<string, unknown>>(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      'must be an object',
    ),
  })
  .loose();

/**
 * Digital work (chat, messaging, email, case) arriving on the bus. EventBridge delivers at least once; the
 * submission is idempotent per channel + source id, so a redelivery returns the same item.
 */
export const makeHandler = (router: () => Router) =>
  middy(async (event: z.infer<typeof workSubmittedEventSchema>) => {
    const outcome = await router().submitWork(event.detail);
    metrics.addMetric(outcome.decision.duplicate ? 'WorkSubmittedAgain' : 'WorkSubmitted', 'Count', 1);
    return outcome.decision;
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use(parseInput(workSubmittedEventSchema));

export const handler = makeHandler(routerFromEnvironment);
