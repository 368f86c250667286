import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ContactCenterConfig } from '../../domain/config/schema';
import type { Page, RoutingStore, StateWrite, WaitPartition } from '../../domain/ports';
import type { RepState } from '../../domain/routing/rep';
import type { WorkItem } from '../../domain/routing/work-item';
import { asConflict, conditionParams, guardFor, isOnlyTransactionConflict, mustNotExist } from './conditions';
import { decodeCursor, encodeCursor, keys } from './keys';
import { itemToRow, rowToItem, rowToRep } from './mappers';
import { repWriteParams } from './rep-update';
import { RETENTION_SECONDS } from './table-definition';

/** DynamoDB's item limit is 400 KB; the configuration is stored in chunks well below it. */
const CONFIG_CHUNK_CHARS = 300_000;
const TRANSACTION_CONFLICT_RETRIES = 6;

/** The routing store on DynamoDB: every state change is a conditional Put or a TransactWriteItems. */
export class DynamoRoutingStore implements RoutingStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getItem(itemId: string): Promise<WorkItem | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.item(itemId), ConsistentRead: true }),
    );
    return out.Item ? rowToItem(out.Item) : undefined;
  }

  async getRep(repId: string): Promise<RepState | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.rep(repId), ConsistentRead: true }),
    );
    return out.Item ? rowToRep(out.Item) : undefined;
  }

  async itemIdForSource(channel: string, source: string): Promise<string | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.source(channel, source), ConsistentRead: true }),
    );
    return out.Item?.itemId as string | undefined;
  }

  async waitingItems(partition: WaitPartition, limit: number, cursor?: string): Promise<Page<WorkItem>> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'waiting',
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor),
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': keys.waitingPk(partition) },
      }),
    );
    return { items: (out.Items ?? []).map(rowToItem), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async availableReps(groupId: string): Promise<RepState[]> {
    return (await this.queryAll('available', 'gsi2pk', keys.availablePk(groupId))).map(rowToRep);
  }

  async heldItems(repId: string): Promise<WorkItem[]> {
    return (await this.queryAll('held', 'gsi3pk', keys.heldPk(repId))).map(rowToItem);
  }

  async commit(writes: readonly StateWrite[]): Promise<void> {
    const perWrite = writes.map((w) => this.operationsFor(w));
    const operations = perWrite.flat();
    const writeOfOperation = perWrite.flatMap((ops, i) => ops.map(() => i));
    for (let attempt = 1; ; attempt++) {
      try {
        const only = operations.length === 1 ? operations[0]! : undefined;
        if (only && 'Put' in only) await this.db.send(new PutCommand(only.Put as PutCommandInput));
        else if (only && 'Update' in only) await this.db.send(new UpdateCommand(only.Update as UpdateCommandInput));
        // Several writes, or a lone condition check (only a transaction can carry one).
        else
          await this.db.send(
            new TransactWriteCommand({ TransactItems: operations as TransactWriteCommandInput['TransactItems'] }),
          );
        return;
      } catch (err) {
        // Lost only to a concurrent transaction: every guard is state-based, so the same request may simply be retried.
        if (isOnlyTransactionConflict(err) && attempt < TRANSACTION_CONFLICT_RETRIES) {
          await new Promise((r) => setTimeout(r, Math.random() * 4 * attempt));
          continue;
        }
        asConflict(err, writeOfOperation);
      }
    }
  }

  private operationsFor(
    w: StateWrite,
  ): (
    | { Put: Record<string, unknown> }
    | { Update: Record<string, unknown> }
    | { ConditionCheck: Record<string, unknown> }
  )[] {
    if (w.kind === 'rep') return [repWriteParams(this.tableName, w.change)];
    if (w.kind === 'source') {
      const claim = {
        ...keys.source(w.channel, w.source),
        itemId: w.itemId,
        expiresAt: Math.floor(Date.now() / 1000) + RETENTION_SECONDS,
      };
      return [{ Put: { TableName: this.tableName, Item: claim, ...conditionParams(mustNotExist) } }];
    }
    const put = {
      TableName: this.tableName,
      Item: itemToRow(w.item, w.rank),
      ...conditionParams(guardFor(w.expectedVersion)),
    };
    if (w.expectedVersion !== 0) return [{ Put: put }];
    // A new item also claims its source, in the same transaction: a duplicate submission creates nothing.
    const claim = {
      ...keys.source(w.item.channel, w.item.source),
      itemId: w.item.id,
      expiresAt: Math.floor(w.item.requestedAt / 1000) + RETENTION_SECONDS,
    };
    return [{ Put: put }, { Put: { TableName: this.tableName, Item: claim, ...conditionParams(mustNotExist) } }];
  }

  async saveConfig(config: ContactCenterConfig): Promise<void> {
    const head = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.configHead(), ConsistentRead: true }),
    );
    const previous = (head.Item?.revision as number | undefined) ?? 0;
    const revision = previous + 1;
    const json = JSON.stringify(config);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CONFIG_CHUNK_CHARS) chunks.push(json.slice(i, i + CONFIG_CHUNK_CHARS));
    for (let i = 0; i < chunks.length; i += 25) {
      const batch = chunks
        .slice(i, i + 25)
        .map((data, j) => ({ PutRequest: { Item: { ...keys.configChunk(revision, i + j), data } } }));
      await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: batch } }));
    }
    // The head flips to the new revision only after all its chunks exist, and only if nobody else flipped it.
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.configHead(), revision, chunks: chunks.length },
        ...conditionParams(
          previous === 0
            ? mustNotExist
            : {
                expression: '#revision = :previous',
                names: { '#revision': 'revision' },
                values: { ':previous': previous },
              },
        ),
      }),
    );
  }

  async loadConfig(): Promise<ContactCenterConfig | undefined> {
    const head = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.configHead(), ConsistentRead: true }),
    );
    if (!head.Item) return undefined;
    const rows = await this.queryAll(undefined, 'pk', keys.configChunkPk(head.Item.revision as number), true);
    return JSON.parse(rows.map((r) => r.data as string).join('')) as ContactCenterConfig;
  }

  private async queryAll(indexName: string | undefined, keyName: string, value: string, consistent = false) {
    const rows: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: indexName,
          ConsistentRead: consistent || undefined,
          ExclusiveStartKey: start,
          KeyConditionExpression: '#k = :v',
          ExpressionAttributeNames: { '#k': keyName },
          ExpressionAttributeValues: { ':v': value },
        }),
      );
      rows.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return rows;
  }
}
