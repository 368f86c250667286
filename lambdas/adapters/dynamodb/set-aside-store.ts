import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { SetAsideEntry, SetAsideStore } from '../../domain/ports';
import { keys, SET_ASIDE_SHARDS } from './keys';

const FIELDS = ['entryId', 'raw', 'at', 'parts', 'reason', 'error', 'attempts', 'triedAt'] as const;

/**
 * Set-aside outbox entries in the routing table (semantics §10), kept until a redrive delivers them: no TTL, so
 * nothing owed is ever dropped. The rows carry no `outbox` attribute, so the stream's filter never sends them to
 * the dispatcher.
 */
export class DynamoSetAsideStore implements SetAsideStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(entry: SetAsideEntry): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: this.row(entry) }));
  }

  /** The oldest of each shard, merged: every shard's first `limit` are read, so none of the oldest is missed. */
  async list(limit: number): Promise<SetAsideEntry[]> {
    const pages = await Promise.all(
      Array.from({ length: SET_ASIDE_SHARDS }, (_, shard) => this.query(shard, limit).then((o) => o.Items ?? [])),
    );
    const rows = pages.flat() as Array<Record<string, unknown>>;
    rows.sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    return rows.slice(0, limit).map(toEntry);
  }

  async remove(entry: SetAsideEntry): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.setAside(entry.entryId, entry.at),
          // Only the version this redrive read: another run that tried it since keeps what it recorded.
          ConditionExpression: 'attempts = :attempts',
          ExpressionAttributeValues: { ':attempts': entry.attempts },
        }),
      );
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }

  async replace(entry: SetAsideEntry, next: SetAsideEntry): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.row(next),
          // Attempts only grow: a run that read an older attempt count does not overwrite a newer one.
          ConditionExpression: 'attempts = :attempts',
          ExpressionAttributeValues: { ':attempts': entry.attempts },
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  async count(): Promise<Readonly<Record<SetAsideEntry['reason'], number>>> {
    const counts = { transient: 0, rejected: 0, unreadable: 0 };
    for (let shard = 0; shard < SET_ASIDE_SHARDS; shard++) {
      let start: Record<string, unknown> | undefined;
      do {
        const page: QueryCommandOutput = await this.query(shard, 1000, start, 'reason');
        for (const r of page.Items ?? []) counts[r.reason as SetAsideEntry['reason']]++;
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return counts;
  }

  private query(shard: number, limit: number, start?: Record<string, unknown>, projection?: string) {
    return this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.setAsidePk(shard) },
        Limit: limit,
        ConsistentRead: true,
        ExclusiveStartKey: start,
        ...(projection ? { ProjectionExpression: '#p', ExpressionAttributeNames: { '#p': projection } } : {}),
      }),
    );
  }

  private row(entry: SetAsideEntry): Record<string, unknown> {
    return { ...keys.setAside(entry.entryId, entry.at), ...Object.fromEntries(FIELDS.map((f) => [f, entry[f]])) };
  }
}

const toEntry = (row: Record<string, unknown>): SetAsideEntry =>
  Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as unknown as SetAsideEntry;
