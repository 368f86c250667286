import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { routingTableDefinition } from '../dynamodb/table-definition';

/** The deployed mapping's settings (lib/constructs/outbox-dispatch.ts) that decide what happens to a record. */
export interface MappingSettings {
  readonly batchSize: number;
  /** -1: retried until the record is `maximumRecordAgeSeconds` old (services-ddb-params). */
  readonly retryAttempts: number;
  readonly maximumRecordAgeSeconds: number;
  readonly bisectBatchOnError: boolean;
}

/** What an S3 on-failure destination receives: the metadata and "the entire invocation record". */
export interface FailedInvocation {
  readonly condition: 'RetryAttemptsExhausted' | 'RecordAgeExceeded';
  readonly record: StreamRecord;
}

type Handler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

/** The deployed filter: inserts and modifications whose new image carries an outbox entry as a string. */
const carriesOutbox = (r: StreamRecord) =>
  (r.eventName === 'INSERT' || r.eventName === 'MODIFY') &&
  typeof r.dynamodb?.NewImage?.[routingTableDefinition.outboxAttribute]?.S === 'string';

/**
 * Lambda's DynamoDB event source mapping as the stack configures it, over the records LocalStreamReader reads:
 * filtered, in batches, in order; a partial batch failure retries from the record reported, a function error
 * retries the batch (halved, with bisect), and a record past its retries or maximum age goes whole to the
 * on-failure destination (`failed`, as an S3 destination keeps it). One `pump` is one round of invocations.
 * [Not modelled: shards and parallelization (one ordered sequence here), and the service's own retry delays.]
 */
export class LocalStreamMapping {
  readonly failed: FailedInvocation[] = [];
  private pending: StreamRecord[] = [];
  private readonly attempts = new Map<string, number>();
  /**
   * When each record was read, in the mapping's time: DynamoDB Local stamps records with wall time, and drills run
   * virtual time. Records are read as soon as they are written, so this stands for their creation time.
   */
  private readonly seenAt = new Map<string, number>();
  private size: number;

  constructor(
    private readonly read: () => Promise<StreamRecord[]>,
    private readonly handler: Handler,
    private readonly settings: MappingSettings,
    private readonly now: () => number,
  ) {
    this.size = settings.batchSize;
  }

  /** Records read and not yet done (delivered, or sent to the destination). */
  get backlog(): number {
    return this.pending.length;
  }

  /** Invokes the handler until the backlog is empty or a batch fails (the next pump retries it). */
  async pump(): Promise<{ invocations: number; failedBatch: boolean }> {
    const fresh = (await this.read()).filter(carriesOutbox);
    for (const r of fresh) this.seenAt.set(r.dynamodb?.SequenceNumber ?? '', this.now());
    this.pending.push(...fresh);
    let invocations = 0;
    while (this.pending.length) {
      if (this.expireHead()) continue;
      const batch = this.pending.slice(0, this.size);
      invocations++;
      const failedAt = await this.invoke(batch);
      if (failedAt === undefined) {
        this.pending.splice(0, batch.length);
        this.size = this.settings.batchSize;
        continue;
      }
      this.pending.splice(0, failedAt);
      this.countAttempt(this.pending[0]!);
      return { invocations, failedBatch: true };
    }
    return { invocations, failedBatch: false };
  }

  /** The index of the first record to retry, or undefined when the whole batch succeeded. */
  private async invoke(batch: StreamRecord[]): Promise<number | undefined> {
    // As Lambda sends it: the creation time in epoch seconds (the SDK reads it as a Date).
    const records = batch.map((r) => ({
      ...r,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        ...r.dynamodb,
        ApproximateCreationDateTime: this.seenAt.get(r.dynamodb?.SequenceNumber ?? '')! / 1000,
      },
    }));
    const event = { Records: records } as unknown as DynamoDBStreamEvent;
    try {
      const answer = await this.handler(event);
      const first = answer?.batchItemFailures?.[0]?.itemIdentifier;
      if (first === undefined) return undefined;
      const at = batch.findIndex((r) => r.dynamodb?.SequenceNumber === first);
      return Math.max(at, 0);
    } catch {
      // A function error retries the whole batch; bisect halves it each time, down to the poison record.
      if (this.settings.bisectBatchOnError) this.size = Math.max(1, Math.floor(batch.length / 2));
      return 0;
    }
  }

  private countAttempt(record: StreamRecord): void {
    const id = record.dynamodb?.SequenceNumber ?? '';
    this.attempts.set(id, (this.attempts.get(id) ?? 0) + 1);
  }

  /** Sends the head record to the destination when its retries or its age ran out; true if it did. */
  private expireHead(): boolean {
    const head = this.pending[0]!;
    const tries = this.attempts.get(head.dynamodb?.SequenceNumber ?? '') ?? 0;
    const ageSeconds = (this.now() - (this.seenAt.get(head.dynamodb?.SequenceNumber ?? '') ?? this.now())) / 1000;
    const { retryAttempts, maximumRecordAgeSeconds } = this.settings;
    const condition =
      retryAttempts >= 0 && tries > retryAttempts
        ? 'RetryAttemptsExhausted'
        : ageSeconds > maximumRecordAgeSeconds
          ? 'RecordAgeExceeded'
          : undefined;
    if (!condition) return false;
    this.failed.push({ condition, record: head });
    this.pending.shift();
    return true;
  }
}
