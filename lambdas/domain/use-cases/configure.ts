import { CompiledConfig, ordersRead } from '../config/compiled-config';
import type { ContactCenterConfig } from '../config/schema';
import { validateConfig } from '../config/validate-config';
import { InvalidInputError } from '../errors';
import type { ConfigStore } from '../ports';
import type { AvailabilityOrder } from '../routing/availability';
import { type LiveWork, removals, removesNothing, strandedWork } from './configuration-change';

/**
 * Where a configuration replaces one that routers are using: the live state it must not strand, a wait long enough
 * for every router to have taken the new one up (their cached configuration expired, work they started with the
 * old one committed), and a way to put the reps of a group into an availability order's index.
 */
export interface LiveCenter {
  readonly work: LiveWork;
  readonly settle: () => Promise<void>;
  /** Each existing rep row of `repIds` into the indexes of `orders`, from the places every write keeps. */
  readonly takeUp: (orders: readonly AvailabilityOrder[], repIds: readonly string[]) => Promise<void>;
  /** Fails if a rep row of `repIds` was written in a form this version cannot update (an older table). */
  readonly checkRepRows: (repIds: readonly string[]) => Promise<void>;
}

const refused = (problems: readonly string[], why: string) =>
  new InvalidInputError(problems[0]!.split(':')[0]!, why, problems);

const UNDONE = 'configuration: work arrived for what it removes while routers took it up; the previous one is back';

/**
 * Validates a whole configuration and stores it only when every check passes (semantics §2). Throws an
 * InvalidInputError listing every problem; nothing is stored then. With `live`, a change that would strand work is
 * refused too (configuration-change.ts); and since routers still on the old configuration may take work for what it
 * removes until they have settled on the new one, the check runs again then, and if work did arrive the old
 * configuration is stored back and the change refused.
 *
 * Writers keep only the availability orders their configuration reads (ordersRead), so a change can need an
 * order nobody kept, or stop needing one. An order taken up is kept first, under the old configuration, until every
 * router keeps it; then every rep is put into its index, and only then does the configuration that reads it go in.
 * An order dropped is kept on, beside the new configuration, until no router reads it any more.
 */
export async function loadConfiguration(
  store: ConfigStore,
  input: unknown,
  live?: LiveCenter,
): Promise<ContactCenterConfig> {
  const result = validateConfig(input);
  if (!result.ok) throw refused(result.problems, 'invalid configuration');
  const config = result.config;
  const before = live ? await store.loadConfig() : undefined;
  if (!live || !before) {
    await store.saveConfig(config);
    return config;
  }
  // The configuration in force again (a rollback's load of the file that was deployed): nothing to change or check.
  if (!before.keptOrders?.length && JSON.stringify(before) === JSON.stringify(config)) return config;
  const repIds = [...new Set([...before.reps, ...config.reps].map((r) => r.id))];
  await live.checkRepRows(repIds);
  const removed = removals(before, config);
  const removes = !removesNothing(removed);
  const stranded = async () => (removes ? strandedWork(live.work, before, removed) : []);
  const first = await stranded();
  if (first.length > 0) throw refused(first, 'the change would strand live work');
  const kept = new CompiledConfig(before).availabilityOrders;
  const reads = ordersRead(config);
  // Only orders the stored configuration reads are known to be whole: one it merely keeps may be from a change that
  // stopped before its reps were taken up, and taking up again is exact.
  const whole = ordersRead(before);
  const added = reads.filter((o) => !whole.includes(o));
  const dropped = kept.filter((o) => !reads.includes(o));
  if (added.length > 0) {
    // The old configuration, keeping the added orders too; once every router keeps them, every rep into them.
    await store.saveConfig({ ...before, keptOrders: [...new Set([...kept, ...added])] });
    await live.settle();
    await live.takeUp(added, repIds);
  }
  if (!removes && dropped.length === 0) {
    await store.saveConfig(config);
    return config;
  }
  await store.saveConfig(dropped.length > 0 ? { ...config, keptOrders: dropped } : config);
  await live.settle();
  const late = await stranded();
  if (late.length > 0) {
    await store.saveConfig(before);
    throw refused([...late, UNDONE], 'the change is undone');
  }
  if (dropped.length > 0) await store.saveConfig(config);
  return config;
}
