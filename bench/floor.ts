import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../lambdas/adapters/dynamodb/client';
import { newTable } from './rig';

/** About the size of a work item row, so the floor writes what routing writes. */
const PAYLOAD = 'x'.repeat(600);

/**
 * The physical floor: raw two-item TransactWriteItems (each Put conditioned on the row not existing, as a
 * create is) from `workers` concurrent clients for `durationMs`, on the same DynamoDB Local.
 */
export async function floorTransactionsPerSecond(endpoint: string, workers: number, durationMs: number): Promise<number> {
  const table = await newTable(endpoint);
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  let done = 0;
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    const client = new DynamoDBClient(localClientConfig(endpoint));
    for (let k = 0; performance.now() < deadline; k++) {
      const put = (pk: string) => ({
        Put: { TableName: table, Item: { pk: { S: pk }, sk: { S: 'ITEM' }, payload: { S: PAYLOAD } }, ConditionExpression: 'attribute_not_exists(pk)' },
      });
      await client.send(new TransactWriteItemsCommand({ TransactItems: [put(`A#${w}#${k}`), put(`B#${w}#${k}`)] }));
      done++;
    }
    client.destroy();
  }));
  return done / ((performance.now() - started) / 1000);
}
