import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher } from '../adapters/eventbridge/publisher';
import type { EventSink } from '../domain/ports';
import { requireEnv } from './env';
import { tracer } from './powertools';

/** The router's bus (EVENT_BUS_NAME), for the function that delivers what commits cause: the outbox dispatcher. */
export function eventsFromEnvironment(): EventSink {
  return new EventBridgePublisher(tracer.captureAWSv3Client(new EventBridgeClient({})), requireEnv('EVENT_BUS_NAME'));
}
