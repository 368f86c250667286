import { S3Client } from '@aws-sdk/client-s3';
import { S3ModelStore } from '../adapters/s3/command-center-store';
import { S3RecordingLocator } from '../adapters/s3/recordings';
import { optionalEnv, requireEnv } from './env';
import { tracer } from './powertools';

/** MODEL_BUCKET (optional): where the Command Center feed publishes the snapshot supervisors' pages read. */
export function modelFromEnvironment(): S3ModelStore | undefined {
  const bucket = optionalEnv('MODEL_BUCKET');
  return bucket ? new S3ModelStore(tracer.captureAWSv3Client(new S3Client({})), bucket) : undefined;
}

/** RECORDINGS_BUCKET and RECORDINGS_PREFIX (optional): where the functions that report missing voicemails look. */
export function recordingsFromEnvironment(): S3RecordingLocator | undefined {
  const bucket = optionalEnv('RECORDINGS_BUCKET');
  if (!bucket) return undefined;
  const s3 = tracer.captureAWSv3Client(new S3Client({}));
  return new S3RecordingLocator(s3, bucket, requireEnv('RECORDINGS_PREFIX'));
}
