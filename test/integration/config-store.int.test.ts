import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoConfigStore } from '../../lambdas/adapters/dynamodb/dynamo-config-store';
import { MemoryRoutingStore } from '../../lambdas/adapters/memory/memory-store';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import { InvalidInputError } from '../../lambdas/domain/errors';
import type { ConfigStore } from '../../lambdas/domain/ports';
import { compiled } from '../support/builders';
import { endpoint, freshTable } from '../support/harness';

const config = compiled().raw;

/** Big enough for several 300,000-character chunks, so a save takes more than one write request. */
const large = (name: string): ContactCenterConfig => ({
  ...config,
  name,
  reps: Array.from({ length: 9000 }, (_, i) => ({ ...config.reps[0]!, id: `rep-with-a-long-identifier-${i}` })),
});

/**
 * A client whose BatchWriteItem calls write only the first `keep` requests and hand the rest back as
 * UnprocessedItems, as DynamoDB does under throttling. `times` calls behave so (Infinity: every call).
 */
function throttlingClient(times: number, keep = 1) {
  const client = new DynamoDBClient(localClientConfig(endpoint()));
  const seen = { batches: 0, unprocessed: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!/BatchWrite/.test(context.commandName ?? '') || seen.batches >= times) return next(args);
      seen.batches++;
      const input = args.input as { RequestItems: Record<string, unknown[]> };
      const [table, requests] = Object.entries(input.RequestItems)[0]!;
      const kept = { ...args, input: { ...input, RequestItems: { [table]: requests.slice(0, keep) } } };
      const result = keep > 0 ? await next(kept) : { output: { $metadata: {} }, response: {} };
      const left = requests.slice(keep);
      seen.unprocessed += left.length;
      Object.assign(result.output as object, { UnprocessedItems: left.length ? { [table]: left } : {} });
      return result;
    },
    { step: 'initialize', name: 'throttleBatchWrites' },
  );
  return { client, seen };
}

describe.each([
  ['dynamodb', async () => (await freshTable()).configs as ConfigStore],
  ['memory', async () => new MemoryRoutingStore() as ConfigStore],
])('ConfigStore contract: %s', (_name, makeStore) => {
  it('stores whole revisions and loads the latest', async () => {
    const store = await makeStore();
    expect(await store.loadConfig()).toBeUndefined();
    await store.saveConfig(config);
    await store.saveConfig(large('second revision'));
    const loaded = await store.loadConfig();
    expect(loaded?.name).toBe('second revision');
    expect(loaded?.reps).toHaveLength(9000);
  });
});

describe('DynamoConfigStore under throttling (semantics §2: a revision is whole or not there)', () => {
  it('writes unprocessed chunks again instead of dropping them', async () => {
    const { table } = await freshTable();
    const { client, seen } = throttlingClient(3);
    await new DynamoConfigStore(documentClient(client), table, async () => {}).saveConfig(large('throttled'));
    expect(seen.unprocessed).toBeGreaterThan(0);
    const loaded = await new DynamoConfigStore(documentClient(localClientConfig(endpoint())), table).loadConfig();
    expect(loaded).toEqual(large('throttled'));
  });

  it('fails the save, leaving the previous revision in force, when chunks stay unprocessed', async () => {
    const { table, configs } = await freshTable();
    await configs.saveConfig(config);
    const { client } = throttlingClient(Number.POSITIVE_INFINITY, 0);
    const store = new DynamoConfigStore(documentClient(client), table, async () => {});
    await expect(store.saveConfig(large('never whole'))).rejects.toThrow(/still unprocessed/);
    expect((await configs.loadConfig())?.name).toBe(config.name);
  });
});

describe('DynamoRoutingStore cursors (semantics §12)', () => {
  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['a key of another list', Buffer.from(JSON.stringify({ gsi1pk: 'WAIT#Q#other', pk: 'x' })).toString('base64url')],
    ['not a key at all', Buffer.from('[1,2]').toString('base64url')],
  ])('refuses %s, naming the cursor', async (_name, cursor) => {
    const { store } = await freshTable();
    const err = await store.waitingItems({ kind: 'queue', queueId: 'chat-q' }, 10, cursor).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe('cursor');
  });
});
