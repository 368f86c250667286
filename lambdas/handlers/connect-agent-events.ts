import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { InvalidInputError } from '../domain/errors';
import type { Router } from '../domain/use-cases/router';
import { parseAgentEvent } from '../shared/agent-event';
import { routerFromEnvironment } from '../shared/deps';
import { entryPoint } from '../shared/entry-point';
import { logger, metrics } from '../shared/powertools';
import { telephonyFromEnvironment } from '../shared/telephony';

/**
 * The instance's agent event stream (Kinesis, partitioned by agent): Connect's agent state moves the router
 * (semantics §8). Records of one agent arrive in order; on a failure the batch stops there and reports it, so
 * Lambda retries from that record. A record that is not an agent event is counted and skipped: it never will be.
 */
export const makeHandler = (router: () => Router) =>
  entryPoint(async (event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> => {
    for (const record of event.Records) {
      try {
        const data: unknown = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
        const decision = await router().handleAgentEvent(parseAgentEvent(data));
        metrics.addMetric(decision.kind === 'applied' ? 'AgentEventApplied' : 'AgentEventIgnored', 'Count', 1);
        if (decision.kind === 'applied' && decision.missed.length) metrics.addMetric('MissedCall', 'Count', 1);
        if (decision.kind !== 'ignored' && decision.restoredStatus)
          metrics.addMetric('AgentStatusRestored', 'Count', 1);
      } catch (error) {
        if (error instanceof InvalidInputError || error instanceof SyntaxError) {
          logger.warn('not an agent event; skipped', {
            error: error as Error,
            sequence: record.kinesis.sequenceNumber,
          });
          metrics.addMetric('AgentEventMalformed', 'Count', 1);
          continue;
        }
        logger.error('agent event not applied; retried from here', { error: error as Error });
        return { batchItemFailures: [{ itemIdentifier: record.kinesis.sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  });

export const handler = makeHandler(() => routerFromEnvironment({ telephony: telephonyFromEnvironment }));
