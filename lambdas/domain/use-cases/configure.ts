import type { ContactCenterConfig } from '../config/schema';
import { validateConfig } from '../config/validate-config';
import { InvalidInputError } from '../errors';
import type { ConfigStore } from '../ports';

/**
 * Validates a whole configuration and stores it only when every check passes (semantics §2).
 * Throws an InvalidInputError listing every problem; nothing is stored then.
 */
export async function loadConfiguration(store: ConfigStore, input: unknown): Promise<ContactCenterConfig> {
  const result = validateConfig(input);
  if (!result.ok)
    throw new InvalidInputError(result.problems[0]!.split(':')[0]!, 'invalid configuration', result.problems);
  await store.saveConfig(result.config);
  return result.config;
}
