import * as z from 'zod';

/**
 * Amazon S3's "Object Created" event on EventBridge (S3 user guide, "EventBridge event message structure"). Only
 * what locating a recording needs is read; every other field is ignored.
 */
export const objectCreatedSchema = z
  .object({
    source: z.literal('aws.s3'),
    'detail-type': z.literal('Object Created'),
    detail: z
      .object({
        bucket: z.object({ name: z.string().min(3).max(63) }).loose(),
        object: z.object({ key: z.string().min(1).max(1024) }).loose(),
      })
      .loose(),
  })
  .loose();

/**
 * Connect names a call recording `<prefix>/CallRecordings/YYYY/MM/DD/<contactId>_<timestamp>_UTC.wav`
 * (shared/reference/amazon-connect.md): the contact id is the file name up to its first underscore. Any other
 * object (a screen recording, a transcript) is not a call recording.
 */
const CALL_RECORDING = /(?:^|\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_[^/]*\.wav$/i;

export function callRecording(bucket: string, key: string): { contactId: string; location: string } | undefined {
  const match = CALL_RECORDING.exec(key);
  if (!match) return undefined;
  return { contactId: match[1]!.toLowerCase(), location: `s3://${bucket}/${key}` };
}
