import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RequestMeter } from '../../bench/request-meter';
import { createRoutingTable, documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoRoutingStore } from '../../lambdas/adapters/dynamodb/dynamo-store';
import { ConflictError } from '../../lambdas/domain/errors';
import { aWorkItem } from '../support/builders';
import { endpoint } from '../support/harness';

const item = (id: string) => aWorkItem({ id, source: `src-${id}` });

describe('RequestMeter (bench: requests counted by client middleware, not estimated)', () => {
  it('counts every request of the document client by operation, refused conditional writes included', async () => {
    const raw = new DynamoDBClient(localClientConfig(endpoint()));
    const table = `meter-${Date.now()}`;
    await createRoutingTable(raw, table);
    const meter = new RequestMeter().attach(raw);
    const store = new DynamoRoutingStore(documentClient(raw), table);
    meter.take();

    await store.commit([{ kind: 'createItem', item: item('w1'), claimedAt: Date.now(), rank: 'r1' }]);
    await store.getItem('w1');
    await store.waitingItems({ kind: 'queue', queueId: 'chat-q' }, 10);
    await expect(
      store.commit([{ kind: 'createItem', item: item('w1'), claimedAt: Date.now(), rank: 'r1' }]),
    ).rejects.toBeInstanceOf(ConflictError);

    const counts = meter.take();
    expect(counts.byOperation).toEqual({ TransactWriteItems: 2, GetItem: 1, Query: 1 });
    expect(counts).toMatchObject({ reads: 2, writes: 2 });
    expect(counts.writeUnits).toBeGreaterThan(0);
    expect(meter.take().reads).toBe(0);
  });
});
