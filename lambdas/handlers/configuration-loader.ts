import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoConfigStore } from '../adapters/dynamodb/dynamo-config-store';
import { readConfigurationFile } from '../adapters/s3/configuration-file';
import { loadConfiguration } from '../domain/use-cases/configure';
import {
  CONFIGURATION_RESOURCE_ID,
  configurationEventSchema,
  type LoaderDeps,
  liveCenter,
} from '../shared/configuration-event';
import { parsedEntryPoint } from '../shared/entry-point';
import { requireEnv } from '../shared/env';
import { logger, metrics, tracer } from '../shared/powertools';

/**
 * The deploy's contact-center file into the routing table (lib/constructs/configuration-loader.ts), as a new revision.
 * A file that is invalid, or would strand live work, fails the deploy naming every problem (configure.ts). Delete
 * keeps the configuration: the table outlives this stack, and work in it still needs its queues and reps.
 */
export const makeHandler = (deps: () => LoaderDeps) =>
  parsedEntryPoint(configurationEventSchema, async (event) => {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: CONFIGURATION_RESOURCE_ID };
    const { Bucket, Key } = event.ResourceProperties;
    const { s3, store, live } = deps();
    const config = await loadConfiguration(store, await readConfigurationFile(s3, Bucket, Key), live);
    const counts = { Queues: config.queues.length, Reps: config.reps.length };
    logger.info('contact-center configuration loaded', { file: `s3://${Bucket}/${Key}`, ...counts });
    metrics.addMetric('ConfigurationLoaded', 'Count', 1);
    return { PhysicalResourceId: CONFIGURATION_RESOURCE_ID, Data: counts };
  });

function fromEnvironment(): LoaderDeps {
  const db = documentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
  const [table, settleMs] = [requireEnv('TABLE_NAME'), Number(requireEnv('SETTLE_MS'))];
  return {
    s3: tracer.captureAWSv3Client(new S3Client({})),
    store: new DynamoConfigStore(db, table),
    live: liveCenter(db, table, settleMs),
  };
}

let deps: LoaderDeps | undefined;
export const handler = makeHandler(() => {
  deps ??= fromEnvironment();
  return deps;
});
