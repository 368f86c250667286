import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InvalidInputError } from '../../domain/errors';

/**
 * The contact-center file as the deploy uploaded it (a CDK asset, one object per content): its parsed JSON, for
 * the configuration use case to validate whole. A file that is not JSON is bad input, named as such.
 */
export async function readConfigurationFile(s3: S3Client, bucket: string, key: string): Promise<unknown> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = (await object.Body?.transformToString('utf8')) ?? '';
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError('configuration', `s3://${bucket}/${key} is not a JSON document`);
  }
}
