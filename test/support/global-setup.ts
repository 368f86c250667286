import { startDynamoLocal } from '../../lambdas/adapters/local/dynamodb-local';

/** Starts DynamoDB Local once for the whole run; workers find it through DDB_ENDPOINT. */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const local = await startDynamoLocal();
  (globalThis as { __DDB_LOCAL__?: unknown }).__DDB_LOCAL__ = local;
  process.env.DDB_ENDPOINT = local.endpoint;
}
