import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { RecordingLocator } from '../../domain/ports';

const DAY_MS = 86_400_000;

/** `YYYY/MM/DD` of an instant in UTC, as Connect dates its recording folders. */
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10).replaceAll('-', '/');

/**
 * Finds a call recording in the instance's recordings bucket. Connect writes
 * `<prefix>/YYYY/MM/DD/<contactId>_<timestamp>_UTC.wav` (shared/reference/amazon-connect.md), dated when the file
 * is written: the day of the call and the next (a call near midnight) are searched, one bounded List each.
 */
export class S3RecordingLocator implements RecordingLocator {
  private readonly prefix: string;

  /** `prefix`: the instance's call-recordings prefix, e.g. `connect/acme/CallRecordings`. */
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    prefix: string,
  ) {
    this.prefix = prefix.replace(/^\/+|\/+$/g, '');
  }

  async find(contactId: string, around: number): Promise<string | undefined> {
    for (const day of new Set([utcDay(around), utcDay(around + DAY_MS)])) {
      const page = await this.s3.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${this.prefix}/${day}/${contactId}_`, MaxKeys: 10 }),
      );
      const key = page.Contents?.map((o) => o.Key).find((k) => k?.endsWith('.wav'));
      if (key) return `s3://${this.bucket}/${key}`;
    }
    return undefined;
  }
}
