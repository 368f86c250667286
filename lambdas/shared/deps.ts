import { ConnectClient } from '@aws-sdk/client-connect';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ConnectTelephony } from '../adapters/connect/telephony';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoRoutingStore } from '../adapters/dynamodb/dynamo-store';
import { EventBridgePublisher } from '../adapters/eventbridge/publisher';
import { randomIds, systemClock } from '../adapters/local/in-process';
import { AwsTimers } from '../adapters/timers/aws-timers';
import { CANDIDATE_CACHE_MS, CandidateCache } from '../domain/use-cases/candidate-cache';
import { StoreConfigProvider } from '../domain/use-cases/context';
import { Router } from '../domain/use-cases/router';
import { requireEnv } from './env';
import { logger, metrics, tracer } from './powertools';

let router: Router | undefined;

/** CANDIDATE_CACHE_MS as a whole number of milliseconds (0 turns the cache off); anything else is a deploy error. */
export function cacheMs(value: string | undefined): number {
  if (value === undefined) return CANDIDATE_CACHE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`CANDIDATE_CACHE_MS must be a whole number of milliseconds, not '${value}'`);
  return ms;
}

/**
 * The composition root: AWS clients (traced) and adapters, built once per Lambda process on first use.
 * Environment: TABLE_NAME, EVENT_BUS_NAME, CONNECT_INSTANCE_ARN, TIMER_QUEUE_URL, TIMER_QUEUE_ARN,
 * SCHEDULE_GROUP, SCHEDULER_ROLE_ARN; for callbacks CALLBACK_FLOW_ID and HOLDING_QUEUE_ID (optional: without
 * them a rep dials and reports the outcome).
 */
export function routerFromEnvironment(): Router {
  if (router) return router;
  const store = new DynamoRoutingStore(documentClient(), requireEnv('TABLE_NAME'));
  const clock = systemClock;
  router = new Router({
    store,
    clock,
    ids: randomIds,
    events: new EventBridgePublisher(
      tracer.captureAWSv3Client(new EventBridgeClient({})),
      requireEnv('EVENT_BUS_NAME'),
    ),
    timers: new AwsTimers(
      tracer.captureAWSv3Client(new SQSClient({})),
      tracer.captureAWSv3Client(new SchedulerClient({})),
      {
        queueUrl: requireEnv('TIMER_QUEUE_URL'),
        queueArn: requireEnv('TIMER_QUEUE_ARN'),
        scheduleGroup: requireEnv('SCHEDULE_GROUP'),
        schedulerRoleArn: requireEnv('SCHEDULER_ROLE_ARN'),
      },
      clock,
    ),
    telephony: new ConnectTelephony(
      tracer.captureAWSv3Client(new ConnectClient({})),
      requireEnv('CONNECT_INSTANCE_ARN'),
      {
        outbound: process.env.CALLBACK_FLOW_ID
          ? { contactFlowId: process.env.CALLBACK_FLOW_ID, queueId: process.env.HOLDING_QUEUE_ID }
          : undefined,
        onThrottled: () => metrics.addMetric('ConnectThrottled', 'Count', 1),
        onFailure: (error, contactId) => {
          logger.error('UpdateContactRoutingData failed; the offer will be re-targeted or time out', {
            contactId,
            error: error as Error,
          });
          metrics.addMetric('ConnectCallFailed', 'Count', 1);
        },
      },
    ),
    config: new StoreConfigProvider(store, clock),
    // A few seconds of staleness at most; see CandidateCache for why that is safe.
    candidates: new CandidateCache(cacheMs(process.env.CANDIDATE_CACHE_MS)),
  });
  return router;
}
