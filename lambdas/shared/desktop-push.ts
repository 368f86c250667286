import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ApiGatewayDesktopPush } from '../adapters/apigateway/desktop-push';
import { documentClient } from '../adapters/dynamodb/client';
import { DesktopConnections } from '../adapters/dynamodb/desktop-connections';
import { optionalEnv, requireEnv } from './env';
import { logger, metrics, tracer } from './powertools';

/**
 * The push channel (PUSH_ENDPOINT, optional), for the functions that push to desktops or keep their sockets; on the
 * router's DynamoDB client where there is one (the dispatcher), so a process opens one.
 */
export function desktopPushFromEnvironment(db?: DynamoDBDocumentClient): ApiGatewayDesktopPush | undefined {
  const endpoint = optionalEnv('PUSH_ENDPOINT');
  if (!endpoint) return undefined;
  return new ApiGatewayDesktopPush(
    tracer.captureAWSv3Client(new ApiGatewayManagementApiClient({ endpoint })),
    new DesktopConnections(
      db ?? documentClient(tracer.captureAWSv3Client(new DynamoDBClient({}))),
      requireEnv('TABLE_NAME'),
    ),
    (error, repId) => {
      logger.warn('push to a desktop failed; it catches up at its next sync', { repId, error: error as Error });
      metrics.addMetric('DesktopPushFailed', 'Count', 1);
    },
  );
}
