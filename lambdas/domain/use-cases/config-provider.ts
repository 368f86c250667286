import { CompiledConfig } from '../config/compiled-config';
import { RouterError } from '../errors';
import type { Clock, ConfigStore } from '../ports';
import type { ConfigProvider } from './deps';

/** How long a router keeps the configuration it read before reading the store again. */
export const CONFIG_CACHE_MS = 30_000;

/** Loads the configuration from its store, caching it for `ttlMs` of the injected clock. */
export class StoreConfigProvider implements ConfigProvider {
  private cached?: { at: number; config: CompiledConfig };
  constructor(
    private readonly store: ConfigStore,
    private readonly clock: Clock,
    private readonly ttlMs = CONFIG_CACHE_MS,
  ) {}

  async get(): Promise<CompiledConfig> {
    const now = this.clock.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.config;
    const raw = await this.store.loadConfig();
    if (!raw) throw new RouterError('no contact-center configuration is stored; load one first');
    this.cached = { at: now, config: new CompiledConfig(raw) };
    return this.cached.config;
  }
}
