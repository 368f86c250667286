import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../lambdas/adapters/dynamodb/client';
import { RequestMeter } from './request-meter';

/** About the size of a work item row, so the floor writes what routing writes. */
const PAYLOAD = 'x'.repeat(600);

/**
 * The physical floor: raw two-item TransactWriteItems (each Put conditioned on the row not existing, as a
 * create is) from `workers` concurrent clients for `durationMs`, on the same DynamoDB Local.
 */
export async function floorTransactions(
  endpoint: string,
  table: string,
  workers: number,
  durationMs: number,
  shape: 'plain' | 'arrival' = 'plain',
) {
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const client = new DynamoDBClient(localClientConfig(endpoint));
      // Like the routers' requests, the floor's ask for their consumed capacity, which costs DynamoDB Local work.
      new RequestMeter().attach(client);
      while (performance.now() < deadline) {
        const id = `${w}#${++sequence}`;
        const items = shape === 'plain' ? [put(table, `A#${id}`), put(table, `B#${id}`)] : arrivalWrites(table, w, id);
        await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
        done++;
      }
      client.destroy();
    }),
  );
  return { seconds: (performance.now() - started) / 1000, done };
}

const put = (table: string, pk: string, extra: Record<string, { S: string }> = {}) => ({
  Put: {
    TableName: table,
    Item: { pk: { S: pk }, sk: { S: 'ITEM' }, payload: { S: PAYLOAD }, ...extra },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/**
 * What an arrival must write, without any routing: the item (its own source claim, entering the `held` index) and
 * an update of the rep's row (which is in an availability index). The floor for the same write shape.
 */
function arrivalWrites(table: string, worker: number, id: string) {
  return [
    put(table, `WORK#${id}`, { gsi3pk: { S: `HELD#floor-rep-${worker}` }, gsi3sk: { S: id } }),
    {
      Update: {
        TableName: table,
        Key: { pk: { S: `REP#floor-rep-${worker}` }, sk: { S: 'STATE' } },
        // An offer moves the rep in the one availability order the bench center keeps (one index entry; the
        // orders nothing reads are not indexed) and sets its places in all three.
        UpdateExpression:
          'SET gsi2pk = :g, availFree = :k, placeFree = :k, placeInterruptibleFree = :k, placeActive = :k, lastOfferAt = :t ADD activeItems :one',
        ExpressionAttributeValues: {
          ':g': { S: 'AVAIL#floor' },
          ':k': { N: String(-Date.now()) },
          ':t': { N: String(Date.now()) },
          ':one': { N: '1' },
        },
      },
    },
  ];
}

let sequence = 0;
