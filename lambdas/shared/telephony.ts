import { ConnectClient } from '@aws-sdk/client-connect';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PacedTelephony } from '../adapters/connect/paced-telephony';
import { ConnectTelephony } from '../adapters/connect/telephony';
import { DynamoCallPacer } from '../adapters/dynamodb/call-pacer';
import type { TelephonyPort } from '../domain/ports';
import { optionalEnv, requireEnv } from './env';
import { logger, metrics, tracer } from './powertools';

/** UpdateContactRoutingData's default quota: 20 requests per second per account and Region (check Service Quotas). */
export const DEFAULT_ROUTING_DATA_RATE = 20;

/** PutUserStatus's default quota: 2 requests per second per account and Region (check Service Quotas). */
export const DEFAULT_AGENT_STATUS_RATE = 2;

/**
 * Amazon Connect as the router reaches it: ConnectTelephony, its UpdateContactRoutingData calls paced to
 * CONNECT_ROUTING_RATE per second across every instance (0: not paced), and its PutUserStatus calls to
 * CONNECT_AGENT_STATUS_RATE, on the routing table.
 * Environment: CONNECT_INSTANCE_ARN; for callbacks CALLBACK_FLOW_ID, HOLDING_QUEUE_ID, CALLBACK_SOURCE_PHONE_NUMBER.
 */
export function telephonyFromEnvironment(db: DynamoDBDocumentClient, table: string): TelephonyPort {
  const contactFlowId = optionalEnv('CALLBACK_FLOW_ID');
  const rate = Number(optionalEnv('CONNECT_ROUTING_RATE') ?? DEFAULT_ROUTING_DATA_RATE);
  const statusRate = Number(optionalEnv('CONNECT_AGENT_STATUS_RATE') ?? DEFAULT_AGENT_STATUS_RATE);
  const connect = new ConnectTelephony(
    tracer.captureAWSv3Client(new ConnectClient({})),
    requireEnv('CONNECT_INSTANCE_ARN'),
    {
      outbound: contactFlowId
        ? {
            contactFlowId,
            queueId: optionalEnv('HOLDING_QUEUE_ID'),
            sourcePhoneNumber: optionalEnv('CALLBACK_SOURCE_PHONE_NUMBER'),
          }
        : undefined,
      // Paced calls are retried in the pacer's line, under the shared rate.
      routingDataAttempts: rate > 0 ? 1 : undefined,
      agentStatusAttempts: rate > 0 && statusRate > 0 ? 1 : undefined,
      onThrottled: () => metrics.addMetric('ConnectThrottled', 'Count', 1),
      onFailure: (error, contactId) => {
        logger.error('UpdateContactRoutingData failed; the offer will be re-targeted or time out', {
          contactId,
          error: error as Error,
        });
        metrics.addMetric('ConnectCallFailed', 'Count', 1);
      },
    },
  );
  if (!(rate > 0)) return connect;
  return new PacedTelephony(connect, new DynamoCallPacer(db, table, 'UpdateContactRoutingData', rate), {
    onWaited: (ms) => metrics.addMetric('ConnectPacingWait', 'Milliseconds', ms),
    onThrottled: () => metrics.addMetric('ConnectThrottledWhilePaced', 'Count', 1),
    ...(statusRate > 0 ? { agentStatusPacer: new DynamoCallPacer(db, table, 'PutUserStatus', statusRate) } : {}),
  });
}
