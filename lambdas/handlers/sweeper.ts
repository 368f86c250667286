import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Router } from '../domain/use-cases/router';
import { sweep } from '../domain/use-cases/sweep';
import { routerFromEnvironment } from '../shared/deps';
import { logger, metrics, tracer } from '../shared/powertools';

/** Every minute (EventBridge schedule): repair what lost triggers and crashes left, one metric per repair kind. */
export const makeHandler = (router: () => Router) =>
  middy(async () => {
    const report = await sweep(router());
    metrics.addMetric('SweptTimeouts', 'Count', report.timedOut);
    metrics.addMetric('SweptWrapUps', 'Count', report.wrapUpsEnded);
    metrics.addMetric('SweptRescinds', 'Count', report.rescinded);
    metrics.addMetric('SweptDials', 'Count', report.dialed);
    metrics.addMetric('SweptCallbacksDue', 'Count', report.callbacksDue);
    metrics.addMetric('SweptRoutes', 'Count', report.routed);
    metrics.addMetric('LongestWaitSeconds', 'Seconds', report.longestWaitSeconds);
    if (
      report.timedOut + report.rescinded + report.wrapUpsEnded + report.dialed + report.callbacksDue + report.routed >
      0
    )
      logger.warn('sweeper repaired work', { ...report });
    return report;
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics));

export const handler = makeHandler(routerFromEnvironment);
