import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../lambdas/adapters/dynamodb/client';
import { newTable } from './rig';

/** About the size of a work item row, so the floor writes what routing writes. */
const PAYLOAD = 'x'.repeat(600);

/**
 * The physical floor: raw two-item TransactWriteItems (each Put conditioned on the row not existing, as a
 * create is) from `workers` concurrent clients for `durationMs`, on the same DynamoDB Local.
 */
export async function floorTransactions(endpoint: string, table: string, workers: number, durationMs: number): Promise<{ seconds: number; done: number }> {
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  let done = 0;
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    const client = new DynamoDBClient(localClientConfig(endpoint));
    while (performance.now() < deadline) {
      const put = (pk: string) => ({
        Put: { TableName: table, Item: { pk: { S: pk }, sk: { S: 'ITEM' }, payload: { S: PAYLOAD } }, ConditionExpression: 'attribute_not_exists(pk)' },
      });
      const id = `${w}#${++sequence}`;
      await client.send(new TransactWriteItemsCommand({ TransactItems: [put(`A#${id}`), put(`B#${id}`)] }));
      done++;
    }
    client.destroy();
  }));
  return { seconds: (performance.now() - started) / 1000, done };
}

let sequence = 0;
export { newTable };
