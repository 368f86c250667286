import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoRoutingStore } from '../adapters/dynamodb/dynamo-store';
import { assertRepRowsCurrent, takeUpOrders } from '../adapters/dynamodb/order-take-up';
import type { ConfigStore } from '../domain/ports';
import type { LiveCenter } from '../domain/use-cases/configure';
import * as z from '../domain/zod';

/** One configuration per table: updates load a new revision under the same resource, never a replacement. */
export const CONFIGURATION_RESOURCE_ID = 'contact-center-configuration';

/**
 * What aws-cdk-lib's custom resource Provider passes the loader: the request type and where the deploy put the
 * contact-center file (lib/constructs/configuration-loader.ts). Other fields of the request are not used.
 */
export const configurationEventSchema = z.looseObject({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResourceProperties: z.looseObject({
    Bucket: z.string().check(z.minLength(1)),
    Key: z.string().check(z.minLength(1)),
  }),
});

/** What the loader reaches: the uploaded file, the configuration's store, and the live state it must not strand. */
export interface LoaderDeps {
  readonly s3: S3Client;
  readonly store: ConfigStore;
  readonly live: LiveCenter;
}

/** The live center on the routing table: its state, a wait of `settleMs` for routers, and its rep rows. */
export function liveCenter(db: DynamoDBDocumentClient, table: string, settleMs: number): LiveCenter {
  return {
    work: new DynamoRoutingStore(db, table),
    settle: () => new Promise((resolve) => setTimeout(resolve, settleMs)),
    takeUp: (orders, repIds) => takeUpOrders(db, table, orders, repIds),
    checkRepRows: (repIds) => assertRepRowsCurrent(db, table, repIds),
  };
}
