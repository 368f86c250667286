import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ContactCenterConfig } from '../../domain/config/schema';
import type { Page, RoutingStore, StateWrite, WaitPartition } from '../../domain/ports';
import type { RepState } from '../../domain/routing/rep';
import type { WorkItem } from '../../domain/routing/work-item';
import { asConflict, conditionParams, guardFor, mustNotExist } from './conditions';
import { decodeCursor, encodeCursor, keys } from './keys';
import { itemToRow, repToRow, rowToItem, rowToRep } from './mappers';
import { RETENTION_SECONDS } from './table-definition';

/** DynamoDB's item limit is 400 KB; the configuration is stored in chunks well below it. */
const CONFIG_CHUNK_CHARS = 300_000;

/** The routing store on DynamoDB: every state change is a conditional Put or a TransactWriteItems. */
export class DynamoRoutingStore implements RoutingStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async getItem(itemId: string): Promise<WorkItem | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.item(itemId), ConsistentRead: true }));
    return out.Item ? rowToItem(out.Item) : undefined;
  }

  async getRep(repId: string): Promise<RepState | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.rep(repId), ConsistentRead: true }));
    return out.Item ? rowToRep(out.Item) : undefined;
  }

  async itemIdForSource(channel: string, source: string): Promise<string | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.source(channel, source), ConsistentRead: true }));
    return out.Item?.itemId as string | undefined;
  }

  async waitingItems(partition: WaitPartition, limit: number, cursor?: string): Promise<Page<WorkItem>> {
    const out = await this.db.send(new QueryCommand({
      TableName: this.tableName, IndexName: 'waiting', Limit: limit, ExclusiveStartKey: decodeCursor(cursor),
      KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'gsi1pk' },
      ExpressionAttributeValues: { ':pk': keys.waitingPk(partition) },
    }));
    return { items: (out.Items ?? []).map(rowToItem), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async availableReps(groupId: string): Promise<RepState[]> {
    return (await this.queryAll('available', 'gsi2pk', keys.availablePk(groupId))).map(rowToRep);
  }

  async heldItems(repId: string): Promise<WorkItem[]> {
    return (await this.queryAll('held', 'gsi3pk', keys.heldPk(repId))).map(rowToItem);
  }

  async commit(writes: readonly StateWrite[]): Promise<void> {
    const perWrite = writes.map((w) => this.putsFor(w));
    const puts = perWrite.flat();
    const writeOfPut = perWrite.flatMap((p, i) => p.map(() => i));
    try {
      if (puts.length === 1) await this.db.send(new PutCommand(puts[0]!));
      else await this.db.send(new TransactWriteCommand({ TransactItems: puts.map((Put) => ({ Put })) }));
    } catch (err) {
      asConflict(err, writeOfPut);
    }
  }

  private putsFor(w: StateWrite) {
    const row = w.kind === 'item' ? itemToRow(w.item, w.rank) : repToRow(w.rep);
    const put = { TableName: this.tableName, Item: row, ...conditionParams(guardFor(w.expectedVersion)) };
    if (w.kind !== 'item' || w.expectedVersion !== 0) return [put];
    // A new item also claims its source, in the same transaction: a duplicate submission creates nothing.
    const claim = {
      ...keys.source(w.item.channel, w.item.source), itemId: w.item.id,
      expiresAt: Math.floor(w.item.requestedAt / 1000) + RETENTION_SECONDS,
    };
    return [put, { TableName: this.tableName, Item: claim, ...conditionParams(mustNotExist) }];
  }

  async saveConfig(config: ContactCenterConfig): Promise<void> {
    const head = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.configHead(), ConsistentRead: true }));
    const previous = (head.Item?.revision as number | undefined) ?? 0;
    const revision = previous + 1;
    const json = JSON.stringify(config);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CONFIG_CHUNK_CHARS) chunks.push(json.slice(i, i + CONFIG_CHUNK_CHARS));
    for (let i = 0; i < chunks.length; i += 25) {
      const batch = chunks.slice(i, i + 25).map((data, j) => ({ PutRequest: { Item: { ...keys.configChunk(revision, i + j), data } } }));
      await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: batch } }));
    }
    // The head flips to the new revision only after all its chunks exist, and only if nobody else flipped it.
    await this.db.send(new PutCommand({
      TableName: this.tableName, Item: { ...keys.configHead(), revision, chunks: chunks.length },
      ...conditionParams(previous === 0 ? mustNotExist : { expression: '#revision = :previous', names: { '#revision': 'revision' }, values: { ':previous': previous } }),
    }));
  }

  async loadConfig(): Promise<ContactCenterConfig | undefined> {
    const head = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.configHead(), ConsistentRead: true }));
    if (!head.Item) return undefined;
    const rows = await this.queryAll(undefined, 'pk', keys.configChunkPk(head.Item.revision as number), true);
    return JSON.parse(rows.map((r) => r.data as string).join('')) as ContactCenterConfig;
  }

  private async queryAll(indexName: string | undefined, keyName: string, value: string, consistent = false) {
    const rows: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(new QueryCommand({
        TableName: this.tableName, IndexName: indexName, ConsistentRead: consistent || undefined, ExclusiveStartKey: start,
        KeyConditionExpression: '#k = :v', ExpressionAttributeNames: { '#k': keyName }, ExpressionAttributeValues: { ':v': value },
      }));
      rows.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}
