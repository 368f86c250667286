import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { S3RecordingLocator } from '../../../lambdas/adapters/s3/recordings';

const s3 = mockClient(S3Client);
const BUCKET = 'amzn-s3-demo-connect-recordings';
const CONTACT = '4a573372-1f28-4e26-b97b-000000000042';
const locator = () =>
  new S3RecordingLocator(new S3Client({ region: 'eu-west-2' }), BUCKET, '/connect/acme/CallRecordings/');
// A ListObjectsV2 answer in the shape of the S3 API reference's example (ListObjectsV2, "Examples"), for our key.
const listed = (key: string) => ({
  IsTruncated: false,
  KeyCount: 1,
  MaxKeys: 10,
  Name: BUCKET,
  Prefix: key.slice(0, key.indexOf('_') + 1),
  Contents: [
    {
      Key: key,
      LastModified: new Date('2026-12-01T11:04:00Z'),
      ETag: '"70ee1738b6b21e2c8a43f3a5ab0eee71"',
      Size: 48044,
      StorageClass: 'STANDARD' as const,
    },
  ],
});

beforeEach(() => s3.reset());

describe('S3RecordingLocator: the recording of a voicemail whose Object Created event never came', () => {
  it("lists the call's day under the recordings prefix and answers the recording's s3:// location", async () => {
    const key = `connect/acme/CallRecordings/2026/12/01/${CONTACT}_20261201T11:02_UTC.wav`;
    s3.on(ListObjectsV2Command).resolves(listed(key));
    await expect(locator().find(CONTACT, Date.parse('2026-12-01T11:00:00Z'))).resolves.toBe(`s3://${BUCKET}/${key}`);
    expect(s3).toHaveReceivedCommandTimes(ListObjectsV2Command, 1);
    expect(s3).toHaveReceivedCommandWith(ListObjectsV2Command, {
      Bucket: BUCKET,
      Prefix: `connect/acme/CallRecordings/2026/12/01/${CONTACT}_`,
      MaxKeys: 10,
    });
  });

  it('looks at the next day too (a call near midnight), and answers nothing when neither has it', async () => {
    s3.on(ListObjectsV2Command).resolves({ IsTruncated: false, KeyCount: 0, MaxKeys: 10, Name: BUCKET });
    await expect(locator().find(CONTACT, Date.parse('2026-12-31T23:58:00Z'))).resolves.toBeUndefined();
    expect(s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input.Prefix)).toEqual([
      `connect/acme/CallRecordings/2026/12/31/${CONTACT}_`,
      `connect/acme/CallRecordings/2027/01/01/${CONTACT}_`,
    ]);
  });
});
