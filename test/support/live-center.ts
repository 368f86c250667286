import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DynamoConfigStore } from '../../lambdas/adapters/dynamodb/dynamo-config-store';
import { assertRepRowsCurrent, takeUpOrders } from '../../lambdas/adapters/dynamodb/order-take-up';
import type { ContactCenterJson } from '../../lambdas/domain/config/schema';
import type { AvailabilityOrder } from '../../lambdas/domain/routing/availability';
import { StoreConfigProvider } from '../../lambdas/domain/use-cases/config-provider';
import { loadConfiguration } from '../../lambdas/domain/use-cases/configure';
import { Router } from '../../lambdas/domain/use-cases/router';
import { endpoint, makeHarness } from './harness';

/**
 * A center with routers on it, and a load of a new configuration as the deploy's loader makes it: `settled` counts
 * the waits for routers to take a change up and runs `during` in each, as if routers worked meanwhile.
 */
export async function liveCenter(initial: ContactCenterJson) {
  const h = await makeHarness(initial);
  const db = documentClient(localClientConfig(endpoint()));
  const configs = new DynamoConfigStore(db, h.table);
  const settled = { times: 0, during: async () => {} };
  const live = {
    work: h.store,
    settle: async () => {
      settled.times++;
      await settled.during();
    },
    takeUp: (orders: readonly AvailabilityOrder[], repIds: readonly string[]) =>
      takeUpOrders(db, h.table, orders, repIds),
    checkRepRows: (repIds: readonly string[]) => assertRepRowsCurrent(db, h.table, repIds),
  };
  const load = (input: ContactCenterJson) => loadConfiguration(configs, input, live);
  const queues = async () => (await configs.loadConfig())!.queues.map((q) => q.id);
  /** A router that reads the stored configuration at every step, as one started after the last change would. */
  const freshRouter = () => new Router({ ...h.deps, config: new StoreConfigProvider(configs, h.clock, 0) });
  return { h, db, load, settled, configs, queues, freshRouter };
}
