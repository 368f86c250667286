import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { DesktopConnections } from '../adapters/dynamodb/desktop-connections';
import { InvalidInputError, NotFoundError } from '../domain/errors';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { entryPoint } from '../shared/entry-point';
import { logger, metrics } from '../shared/powertools';
import { recordingsFromEnvironment } from '../shared/s3-ports';
import { parseTimer } from '../shared/timer-message';
import { timersFromEnvironment } from '../shared/timers-port';

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
  entryPoint(async (event: SQSEvent): Promise<SQSBatchResponse> => {
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
  });

export const handler = makeHandler(() =>
  routerFromEnvironment({
    timers: timersFromEnvironment,
    recordings: recordingsFromEnvironment,
    // A rep whose workspace stayed closed is set away: their desktops are the push channel's rows.
    desktopPresence: (db, table) => new DesktopConnections(db, table),
  }),
);
