import { DescribeTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { OutboxEntry } from '../../domain/routing/outbox';
import { outboxOf, type StreamRecordImage } from '../../shared/outbox-record';

/**
 * Reads the routing table's stream on DynamoDB Local, as the deployed dispatcher's event source does: every shard
 * from its start, in order. Local runs and tests drain the outbox through it, so they deliver exactly what a
 * deployed router would.
 */
export class LocalStreamReader {
  private readonly db: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  /** Shards read to their end (closed): never read again. */
  private readonly done = new Set<string>();
  private streamArn?: string;

  /** `config`: DynamoDB Local's client settings (lambdas/adapters/dynamodb/client.ts, localClientConfig). */
  constructor(
    config: DynamoDBClientConfig,
    private readonly tableName: string,
  ) {
    this.db = new DynamoDBClient(config);
    this.streams = new DynamoDBStreamsClient(config);
  }

  /** Records written since the last read, each shard's in order. */
  async read(): Promise<StreamRecord[]> {
    // Shards are looked up at the start and when one closes (a new one follows it), not on every read.
    if (this.iterators.size === 0 || [...this.iterators.values()].some((it) => it === undefined)) await this.shards();
    const records: StreamRecord[] = [];
    for (const [shard, iterator] of this.iterators) {
      let next = iterator;
      while (next) {
        const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: 1000 }));
        records.push(...(page.Records ?? []));
        next = page.NextShardIterator;
        if (!page.Records?.length) break;
      }
      this.iterators.set(shard, next);
    }
    return records;
  }

  private async shards(): Promise<void> {
    this.streamArn ??= (
      await this.db.send(new DescribeTableCommand({ TableName: this.tableName }))
    ).Table?.LatestStreamArn;
    if (!this.streamArn) throw new Error(`table ${this.tableName} has no stream`);
    const { StreamDescription: d } = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    for (const [shard, it] of this.iterators)
      if (it === undefined) {
        this.iterators.delete(shard);
        this.done.add(shard);
      }
    for (const shard of d?.Shards ?? []) {
      if (!shard.ShardId || this.done.has(shard.ShardId) || this.iterators.has(shard.ShardId)) continue;
      const it = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      this.iterators.set(shard.ShardId, it.ShardIterator);
    }
  }
}

/**
 * The in-process dispatcher: what the stream holds, delivered in order through `dispatch`. Like the deployed
 * event source, a delivery that fails stops there and is tried again, with everything after it, next time.
 */
export class OutboxDrain {
  private pending: OutboxEntry[] = [];

  constructor(
    private readonly source: () => Promise<OutboxEntry[]>,
    private readonly dispatch: (entry: OutboxEntry) => Promise<unknown>,
  ) {}

  /** Delivers until the stream is empty (deliveries commit too: their own entries follow). */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      this.pending.push(...(await this.source()));
      if (this.pending.length === 0) return delivered;
      while (this.pending.length) {
        await this.dispatch(this.pending[0]!);
        this.pending.shift();
        delivered++;
      }
    }
  }
}

/** The outbox entries among stream records (rows written without one are skipped, as the deployed filter does). */
export const entriesOf = (records: readonly StreamRecord[]): OutboxEntry[] =>
  records.flatMap((r) => {
    const entry = outboxOf(r.dynamodb as StreamRecordImage | undefined);
    return entry ? [entry] : [];
  });
