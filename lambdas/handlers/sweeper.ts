import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { entryPoint } from '../shared/entry-point';
import { logger, metrics } from '../shared/powertools';
import { recordingsFromEnvironment } from '../shared/s3-ports';
import { telephonyFromEnvironment } from '../shared/telephony';

/** Every minute (EventBridge schedule): repair what lost triggers and crashes left, one metric per repair kind. */
export const makeHandler = (router: () => Router) =>
  entryPoint(async () => {
    const report = await router().sweep();
    const repairs = {
      SweptTimeouts: report.timedOut,
      SweptWrapUps: report.wrapUpsEnded,
      SweptRescinds: report.rescinded,
      SweptDials: report.dialed,
      SweptCallbacksDue: report.callbacksDue,
      SweptRoutes: report.routed,
    };
    for (const [name, count] of Object.entries(repairs)) metrics.addMetric(name, 'Count', count);
    metrics.addMetric('LongestWaitSeconds', 'Seconds', report.longestWaitSeconds);
    if (Object.values(repairs).some((n) => n > 0)) logger.warn('sweeper repaired work', { ...report });
    return report;
  });

export const handler = makeHandler(() =>
  routerFromEnvironment({ telephony: telephonyFromEnvironment, recordings: recordingsFromEnvironment }),
);
