import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoConfigStore } from '../adapters/dynamodb/dynamo-config-store';
import { readConfigurationFile } from '../adapters/s3/configuration-file';
import type { ConfigStore } from '../domain/ports';
import { loadConfiguration } from '../domain/use-cases/configure';
import { CONFIGURATION_RESOURCE_ID, configurationEventSchema } from '../shared/configuration-event';
import { parsedEntryPoint } from '../shared/entry-point';
import { requireEnv } from '../shared/env';
import { logger, metrics, tracer } from '../shared/powertools';

export interface LoaderDeps {
  readonly s3: S3Client;
  readonly store: ConfigStore;
}

/**
 * The deploy's contact-center file, loaded into the routing table (lib/constructs/configuration-loader.ts): each
 * deploy that changes the file stores a new revision, which routers take up when their cached one expires. The file
 * is validated whole first; a bad one fails the deploy naming every problem, and nothing is stored. Delete keeps the
 * configuration: the table outlives this stack, and work in it still needs its queues and reps.
 */
export const makeHandler = (deps: () => LoaderDeps) =>
  parsedEntryPoint(configurationEventSchema, async (event) => {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: CONFIGURATION_RESOURCE_ID };
    const { Bucket, Key } = event.ResourceProperties;
    const { s3, store } = deps();
    const config = await loadConfiguration(store, await readConfigurationFile(s3, Bucket, Key));
    const loaded = { queues: config.queues.length, groups: config.groups.length, reps: config.reps.length };
    logger.info('contact-center configuration loaded', { file: `s3://${Bucket}/${Key}`, ...loaded });
    metrics.addMetric('ConfigurationLoaded', 'Count', 1);
    return { PhysicalResourceId: CONFIGURATION_RESOURCE_ID, Data: { Queues: loaded.queues, Reps: loaded.reps } };
  });

let deps: LoaderDeps | undefined;
export const handler = makeHandler(() => {
  deps ??= {
    s3: tracer.captureAWSv3Client(new S3Client({})),
    store: new DynamoConfigStore(
      documentClient(tracer.captureAWSv3Client(new DynamoDBClient({}))),
      requireEnv('TABLE_NAME'),
    ),
  };
  return deps;
});
