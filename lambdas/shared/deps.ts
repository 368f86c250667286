import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ApiGatewayDesktopPush } from '../adapters/apigateway/desktop-push';
import { documentClient } from '../adapters/dynamodb/client';
import { DesktopConnections } from '../adapters/dynamodb/desktop-connections';
import { DynamoConfigStore } from '../adapters/dynamodb/dynamo-config-store';
import { DynamoRoutingStore } from '../adapters/dynamodb/dynamo-store';
import { EventBridgePublisher } from '../adapters/eventbridge/publisher';
import { S3ModelStore } from '../adapters/s3/command-center-store';
import { S3RecordingLocator } from '../adapters/s3/recordings';
import { randomIds, systemClock } from '../adapters/system/clock';
import { AwsTimers } from '../adapters/timers/aws-timers';
import type { CompiledConfig } from '../domain/config/compiled-config';
import { CANDIDATE_CACHE_MS, CandidateCache } from '../domain/use-cases/candidate-cache';
import { StoreConfigProvider } from '../domain/use-cases/config-provider';
import { Router } from '../domain/use-cases/router';
import { optionalEnv, requireEnv } from './env';
import { tracer } from './powertools';
import { telephonyFromEnvironment } from './telephony';

let router: Router | undefined;

/**
 * What a function's router reaches besides DynamoDB, the bus and the timers. Functions whose work can never make
 * a voice offer or a dial (submissions of digital work, voicemail) run without telephony, and their role has no
 * Connect permission (lib/constructs/router-functions.ts grants to match).
 */
export interface RouterReach {
  readonly telephony: boolean;
}

export function cacheMs(value: string | undefined): number {
  if (value === undefined) return CANDIDATE_CACHE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`CANDIDATE_CACHE_MS must be a whole number of milliseconds, not '${value}'`);
  return ms;
}

/**
 * The composition root: AWS clients (all traced) and adapters, built once per Lambda process on first use.
 * Environment: TABLE_NAME, EVENT_BUS_NAME, TIMER_QUEUE_URL, TIMER_QUEUE_ARN, SCHEDULE_GROUP, SCHEDULER_ROLE_ARN;
 * with telephony CONNECT_INSTANCE_ARN, and for callbacks CALLBACK_FLOW_ID and HOLDING_QUEUE_ID (optional:
 * without them a rep dials and reports the outcome); CANDIDATE_CACHE_MS (optional); RECORDINGS_BUCKET and
 * RECORDINGS_PREFIX (optional: where the functions that report missing voicemails look first); ROUTER_DELIVERY
 * (`outbox` when deployed: the stream dispatcher delivers); PUSH_ENDPOINT (optional: the desktops' WebSocket API,
 * for the functions that deliver).
 */
export function routerFromEnvironment(reach: RouterReach = { telephony: true }): Router {
  if (router) return router;
  const db = documentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
  const table = requireEnv('TABLE_NAME');
  const clock = systemClock;
  router = new Router({
    store: new DynamoRoutingStore(db, table),
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
    ...(reach.telephony ? { telephony: telephonyFromEnvironment(db, table) } : {}),
    config: new StoreConfigProvider(new DynamoConfigStore(db, table), clock),
    // A few seconds of staleness at most; see CandidateCache for why that is safe.
    candidates: new CandidateCache(cacheMs(optionalEnv('CANDIDATE_CACHE_MS'))),
    recordings: recordingsFromEnvironment(),
    desktops: desktopPushFromEnvironment(),
    commandCenter: modelFromEnvironment(),
    // Deployed, only the table stream's dispatcher delivers what commits cause (ARCHITECTURE.md, "Delivery").
    delivery: optionalEnv('ROUTER_DELIVERY') === 'outbox' ? 'outbox' : 'inline',
  });
  return router;
}

/** The current configuration, for functions that read it without a router (the Command Center feed). */
export function configFromEnvironment(): () => Promise<CompiledConfig> {
  const db = documentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
  const provider = new StoreConfigProvider(new DynamoConfigStore(db, requireEnv('TABLE_NAME')), systemClock);
  return () => provider.get();
}

/** The push channel, for the functions that deliver what commits cause (deployed: the outbox dispatcher). */
export function desktopPushFromEnvironment(): ApiGatewayDesktopPush | undefined {
  const endpoint = optionalEnv('PUSH_ENDPOINT');
  if (!endpoint) return undefined;
  const db = documentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
  return new ApiGatewayDesktopPush(
    tracer.captureAWSv3Client(new ApiGatewayManagementApiClient({ endpoint })),
    new DesktopConnections(db, requireEnv('TABLE_NAME')),
  );
}

/** MODEL_BUCKET (optional): where the Command Center feed publishes the snapshot supervisors' pages read. */
function modelFromEnvironment(): S3ModelStore | undefined {
  const bucket = optionalEnv('MODEL_BUCKET');
  return bucket ? new S3ModelStore(tracer.captureAWSv3Client(new S3Client({})), bucket) : undefined;
}

function recordingsFromEnvironment(): S3RecordingLocator | undefined {
  const bucket = optionalEnv('RECORDINGS_BUCKET');
  if (!bucket) return undefined;
  const s3 = tracer.captureAWSv3Client(new S3Client({}));
  return new S3RecordingLocator(s3, bucket, requireEnv('RECORDINGS_PREFIX'));
}
