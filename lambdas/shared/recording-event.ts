import * as z from '../domain/zod';

/**
 * Amazon S3's "Object Created" event on EventBridge (S3 user guide, "EventBridge event message structure"). Only
 * what locating a recording needs is read; every other field is ignored.
 */
export const objectCreatedSchema = z.looseObject({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.looseObject({
    bucket: z.looseObject({ name: z.string().check(z.minLength(3), z.maxLength(63)) }),
    object: z.looseObject({ key: z.string().check(z.minLength(1), z.maxLength(1024)) }),
  }),
});

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
