import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { ModelStore } from '../../command-center/feed';
import type { CommandCenterSnapshot, CommandCenterState } from '../../command-center/projection';

export const STATE_KEY = 'command-center/state.json';
export const SNAPSHOT_KEY = 'command-center/snapshot.json';

/**
 * The Command Center's model in S3 (any size, one object): the state is written with a conditional PutObject
 * (If-Match on the ETag read, If-None-Match for the first), so concurrent feeds cannot overwrite each other;
 * the snapshot is what the HTTP API returns to pages, one GetObject per view whatever the traffic.
 */
export class S3ModelStore implements ModelStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async load() {
    const object = await this.get(STATE_KEY);
    return object ? { state: JSON.parse(object.body) as CommandCenterState, tag: object.etag } : undefined;
  }

  async save(state: CommandCenterState, tag: string | undefined): Promise<boolean> {
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: STATE_KEY,
          Body: JSON.stringify(state),
          ContentType: 'application/json',
          ...(tag ? { IfMatch: tag } : { IfNoneMatch: '*' }),
        }),
      );
      return true;
    } catch (err) {
      // 412: the object changed since it was read; 409: a concurrent conditional write is in progress.
      const status = (err as S3ServiceException).$metadata?.httpStatusCode;
      if (err instanceof S3ServiceException && (status === 412 || status === 409)) return false;
      throw err;
    }
  }

  async publish(snapshot: CommandCenterSnapshot): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: SNAPSHOT_KEY,
        Body: JSON.stringify(snapshot),
        ContentType: 'application/json',
      }),
    );
  }

  async snapshot(): Promise<unknown> {
    const object = await this.get(SNAPSHOT_KEY);
    return object ? JSON.parse(object.body) : undefined;
  }

  private async get(key: string): Promise<{ body: string; etag: string } | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { body: (await out.Body?.transformToString()) ?? '', etag: out.ETag ?? '' };
    } catch (err) {
      if (err instanceof NoSuchKey) return undefined;
      throw err;
    }
  }
}
