import type { LocalDynamo } from '../../lambdas/adapters/local/dynamodb-local';

export default async function globalTeardown(): Promise<void> {
  const local = (globalThis as { __DDB_LOCAL__?: LocalDynamo }).__DDB_LOCAL__;
  await local?.stop();
}
