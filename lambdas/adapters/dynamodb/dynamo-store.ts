import {
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
import type { AvailabilityPage, Page, RoutingStore, StateWrite, WaitPartition } from '../../domain/ports';
import type { AvailabilityOrder } from '../../domain/routing/availability';
import type { OutboxEntry } from '../../domain/routing/outbox';
import type { RepState } from '../../domain/routing/rep';
import type { WorkItem } from '../../domain/routing/work-item';
import { sourceItemId } from '../system/source-id';
import {
  asConflict,
  atVersion,
  type Condition,
  conditionParams,
  isOnlyTransactionConflict,
  mustNotExist,
} from './conditions';
import { decodeCursor, encodeCursor, keys } from './keys';
import { itemIdOfSourceRow, itemToRow, rowToItem, rowToRep, SOURCE_CLAIM, sourceClaimToRow } from './mappers';
import { queryAll } from './query';
import { repWriteParams, voiceStateParams } from './rep-update';

type Operation =
  | { Put: Record<string, unknown> }
  | { Update: Record<string, unknown> }
  | { ConditionCheck: Record<string, unknown> };

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
    // The key of a source's item may hold a claim naming another item (a transferred call's new contact).
    return out.Item && out.Item.type !== SOURCE_CLAIM ? rowToItem(out.Item) : undefined;
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
    return out.Item ? itemIdOfSourceRow(out.Item) : undefined;
  }

  async waitingItems(partition: WaitPartition, limit: number, cursor?: string): Promise<Page<WorkItem>> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'waiting',
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, 'gsi1pk', keys.waitingPk(partition)),
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi1pk' },
        ExpressionAttributeValues: { ':pk': keys.waitingPk(partition) },
      }),
    );
    return { items: (out.Items ?? []).map(rowToItem), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async availableReps(groupId: string): Promise<RepState[]> {
    const index = keys.availability('free').indexName;
    return (await this.queryAll(index, 'gsi2pk', keys.availablePk(groupId))).map(rowToRep);
  }

  async availableInOrder(groupId: string, order: AvailabilityOrder, page: AvailabilityPage): Promise<Page<RepState>> {
    const { indexName, sortKey } = keys.availability(order);
    const pk = keys.availablePk(groupId);
    const ranged = page.from !== undefined && page.to !== undefined;
    const range = ranged ? ' AND #sk BETWEEN :from AND :to' : '';
    const values = { ':pk': pk, ...(ranged ? { ':from': page.from, ':to': page.to } : {}) };
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexName,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, 'gsi2pk', pk, sortKey),
        KeyConditionExpression: `#pk = :pk${range}`,
        ExpressionAttributeNames: { '#pk': 'gsi2pk', ...(ranged ? { '#sk': sortKey } : {}) },
        ExpressionAttributeValues: values,
      }),
    );
    return { items: (out.Items ?? []).map(rowToRep), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async heldItems(repId: string): Promise<WorkItem[]> {
    return (await this.queryAll('held', 'gsi3pk', keys.heldPk(repId))).map(rowToItem);
  }

  async commit(writes: readonly StateWrite[], outbox?: OutboxEntry): Promise<void> {
    const carrier = outboxCarrier(writes);
    const perWrite = writes.map((w, i) => this.operationsFor(w, i === carrier ? outbox : undefined));
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

  private operationsFor(w: StateWrite, outbox: OutboxEntry | undefined): Operation[] {
    switch (w.kind) {
      case 'rep':
        return [repWriteParams(this.tableName, w.change, outbox)];
      case 'claimSource':
        return [this.claim(w.channel, w.source, w.itemId, w.claimedAt)];
      case 'voiceState':
        return [voiceStateParams(this.tableName, w, outbox)];
      case 'updateItem':
        return [{ Put: this.itemPut(w.item, w.rank, atVersion(w.expectedVersion), outbox) }];
      case 'createItem': {
        // A new item claims its source in the same transaction: a duplicate submission creates nothing. An item
        // whose id the source names is its own claim (one write); any other claims the source's key beside it.
        const create = { Put: this.itemPut(w.item, w.rank, mustNotExist, outbox) };
        if (w.item.id === sourceItemId(w.item.channel, w.item.source)) return [create];
        return [create, this.claim(w.item.channel, w.item.source, w.item.id, w.claimedAt)];
      }
    }
  }

  private itemPut(item: WorkItem, rank: string | undefined, guard: Condition, outbox?: OutboxEntry) {
    return { TableName: this.tableName, Item: itemToRow(item, rank, outbox), ...conditionParams(guard) };
  }

  /** A source claim may be made only once: the second claimant of a source loses. */
  private claim(channel: string, source: string, itemId: string, claimedAt: number): Operation {
    const row = sourceClaimToRow(channel, source, itemId, claimedAt);
    return { Put: { TableName: this.tableName, Item: row, ...conditionParams(mustNotExist) } };
  }

  private async queryAll(indexName: string, keyName: string, value: string) {
    return queryAll(this.db, { TableName: this.tableName, IndexName: indexName }, keyName, value);
  }
}

/**
 * The write whose row carries the commit's outbox: the first item written, else the first rep whose row is
 * written. Its stream record is then the commit's one delivery of what it caused.
 */
export function outboxCarrier(writes: readonly StateWrite[]): number {
  const item = writes.findIndex((w) => w.kind === 'createItem' || w.kind === 'updateItem');
  return item >= 0 ? item : writes.findIndex((w) => w.kind === 'rep' || w.kind === 'voiceState');
}
