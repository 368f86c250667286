import type { ContactCenterConfig } from '../config/schema';
import { validateConfig } from '../config/validate-config';
import { InvalidInputError } from '../errors';
import type { ConfigStore } from '../ports';
import { type LiveWork, removals, removesNothing, strandedWork } from './configuration-change';

/**
 * Where a configuration replaces one that routers are using: the live state it must not strand, and a wait long
 * enough for every router to have taken the new one up (their cached configuration expired, work they started with
 * the old one committed).
 */
export interface LiveCenter {
  readonly work: LiveWork;
  readonly settle: () => Promise<void>;
}

const refused = (problems: readonly string[], why: string) =>
  new InvalidInputError(problems[0]!.split(':')[0]!, why, problems);

/**
 * Validates a whole configuration and stores it only when every check passes (semantics §2). Throws an
 * InvalidInputError listing every problem; nothing is stored then. With `live`, a change that would strand work is
 * refused too (configuration-change.ts); and since routers still on the old configuration may take work for what it
 * removes until they have settled on the new one, the check runs again then, and if work did arrive the old
 * configuration is stored back and the change refused.
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
  const removed = before && removals(before, config);
  if (!live || !before || !removed || removesNothing(removed)) {
    await store.saveConfig(config);
    return config;
  }
  const stranded = () => strandedWork(live.work, before, removed);
  const first = await stranded();
  if (first.length > 0) throw refused(first, 'the change would strand live work');
  await store.saveConfig(config);
  await live.settle();
  const late = await stranded();
  if (late.length === 0) return config;
  await store.saveConfig(before);
  const undone = 'configuration: work arrived for what it removes while routers took it up; the previous one is back';
  throw refused([...late, undone], 'the change is undone');
}
