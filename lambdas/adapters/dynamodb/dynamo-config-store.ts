import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredConfig } from '../../domain/config/compiled-config';
import type { ConfigStore } from '../../domain/ports';
import { atRevision, conditionParams, mustNotExist } from './conditions';
import { keys } from './keys';
import { queryAll } from './query';

/** DynamoDB's item limit is 400 KB; the configuration is stored in chunks well below it. */
const CONFIG_CHUNK_CHARS = 300_000;
/** BatchWriteItem takes at most 25 requests. */
const BATCH_SIZE = 25;
/** Unprocessed chunks (throttling) are written again this many times, backing off, before the load fails. */
const UNPROCESSED_RETRIES = 8;

type WriteRequests = NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string];

/**
 * The configuration on DynamoDB, as numbered revisions: the chunks of a new revision are written first, then the
 * head switches to it, so a reader sees a whole revision or the previous one, never a mix (semantics §2).
 */
export class DynamoConfigStore implements ConfigStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async saveConfig(config: StoredConfig): Promise<void> {
    const previous = await this.headRevision();
    const revision = previous + 1;
    const json = JSON.stringify(config);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CONFIG_CHUNK_CHARS) chunks.push(json.slice(i, i + CONFIG_CHUNK_CHARS));
    for (let i = 0; i < chunks.length; i += BATCH_SIZE) {
      const batch = chunks.slice(i, i + BATCH_SIZE).map((data, j) => ({
        PutRequest: { Item: { ...keys.configChunk(revision, i + j), data } },
      }));
      await this.writeAll(batch);
    }
    // The head flips to the new revision only after all its chunks exist, and only if nobody else flipped it.
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.configHead(), revision, chunks: chunks.length },
        ...conditionParams(previous === 0 ? mustNotExist : atRevision(previous)),
      }),
    );
  }

  async loadConfig(): Promise<StoredConfig | undefined> {
    const head = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.configHead(), ConsistentRead: true }),
    );
    if (!head.Item) return undefined;
    const target = { TableName: this.tableName, ConsistentRead: true };
    const rows = await queryAll(this.db, target, 'pk', keys.configChunkPk(head.Item.revision as number));
    if (rows.length !== head.Item.chunks) {
      throw new Error(`configuration revision ${head.Item.revision} has ${rows.length} of ${head.Item.chunks} chunks`);
    }
    return JSON.parse(rows.map((r) => r.data as string).join('')) as StoredConfig;
  }

  private async headRevision(): Promise<number> {
    const head = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.configHead(), ConsistentRead: true }),
    );
    return (head.Item?.revision as number | undefined) ?? 0;
  }

  /** DynamoDB may leave part of a batch unprocessed (throttling): those requests are sent again, not dropped. */
  private async writeAll(requests: WriteRequests): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > UNPROCESSED_RETRIES) {
        throw new Error(`configuration not saved: ${pending.length} chunks still unprocessed after ${attempt} tries`);
      }
      if (attempt > 0) await this.pause(Math.min(1000, 50 * 2 ** attempt));
      const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
      pending = out.UnprocessedItems?.[this.tableName] ?? [];
    }
  }
}
