import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ApiGatewayDesktopPush } from '../adapters/apigateway/desktop-push';
import { documentClient } from '../adapters/dynamodb/client';
import { DesktopConnections } from '../adapters/dynamodb/desktop-connections';
import { optionalEnv, requireEnv } from './env';
import { tracer } from './powertools';

/** The push channel (PUSH_ENDPOINT, optional), for the functions that push to desktops or keep their sockets. */
export function desktopPushFromEnvironment(): ApiGatewayDesktopPush | undefined {
  const endpoint = optionalEnv('PUSH_ENDPOINT');
  if (!endpoint) return undefined;
  const db = documentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
  return new ApiGatewayDesktopPush(
    tracer.captureAWSv3Client(new ApiGatewayManagementApiClient({ endpoint })),
    new DesktopConnections(db, requireEnv('TABLE_NAME')),
  );
}
