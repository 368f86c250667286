import { CreateTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { routingTableDefinition as def } from './table-definition';

/** A document client over a new low-level client built from `config`, or over the one given (e.g. metered). */
export function documentClient(config: DynamoDBClientConfig | DynamoDBClient = {}): DynamoDBDocumentClient {
  const client = config instanceof DynamoDBClient ? config : new DynamoDBClient(config);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Client settings for DynamoDB Local (any credentials are accepted there). */
export const localClientConfig = (endpoint: string, maxAttempts = 3): DynamoDBClientConfig => ({
  endpoint,
  region: 'us-east-1',
  maxAttempts,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/**
 * Creates the routing table from the shared definition (local runs and tests; the CDK stack uses the same). The
 * stream is on, as deployed; a test whose router delivers inline may leave it off (DynamoDB Local is slower with it).
 */
export async function createRoutingTable(
  client: DynamoDBClient,
  tableName: string,
  options: { readonly stream?: boolean } = {},
): Promise<void> {
  const types = new Map<string, 'S' | 'N'>([
    [def.partitionKey, 'S'],
    [def.sortKey, 'S'],
  ]);
  for (const i of def.indexes) types.set(i.partitionKey, 'S').set(i.sortKey, i.sortKeyType);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      ...(options.stream === false ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream } }),
      AttributeDefinitions: [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
      KeySchema: [
        { AttributeName: def.partitionKey, KeyType: 'HASH' },
        { AttributeName: def.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: def.indexes.map((i) => ({
        IndexName: i.indexName,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
}
