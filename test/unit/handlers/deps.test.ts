import { CANDIDATE_CACHE_MS } from '../../../lambdas/domain/use-cases/candidate-cache';
import type { RouterDeps } from '../../../lambdas/domain/use-cases/deps';
import { cacheMs } from '../../../lambdas/shared/deps';
import { requireEnv } from '../../../lambdas/shared/env';

describe('composition root environment', () => {
  it('names a missing variable', () => {
    expect(() => requireEnv('TABLE_NAME', {})).toThrow('environment variable TABLE_NAME is not set');
  });

  it('returns a set variable', () => {
    expect(requireEnv('TABLE_NAME', { TABLE_NAME: 'routing' })).toBe('routing');
  });

  it('reads the candidate cache time, refusing a value that would make it never expire', () => {
    expect(cacheMs(undefined)).toBe(CANDIDATE_CACHE_MS);
    expect(cacheMs('0')).toBe(0);
    expect(cacheMs('1500')).toBe(1500);
    expect(() => cacheMs('3s')).toThrow("CANDIDATE_CACHE_MS must be a whole number of milliseconds, not '3s'");
    expect(() => cacheMs('-1')).toThrow('CANDIDATE_CACHE_MS');
  });
});

describe('composition root: a function builds only the ports it names', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  /** A fresh module each time: the composition root keeps one router per Lambda process. */
  const compose = (env: Record<string, string>) => {
    process.env = { ...saved, AWS_REGION: 'eu-west-2', TABLE_NAME: 'routing', ...env };
    let deps!: typeof import('../../../lambdas/shared/deps');
    jest.isolateModules(() => {
      deps = require('../../../lambdas/shared/deps');
    });
    return deps;
  };

  it('refuses to build a function that does not deliver unless delivery is left to the outbox', () => {
    expect(() => compose({}).routerFromEnvironment()).toThrow('ROUTER_DELIVERY must be outbox');
  });

  it("a function without the delivery ports never publishes or schedules: those are the dispatcher's", async () => {
    const router = compose({ ROUTER_DELIVERY: 'outbox' }).routerFromEnvironment();
    const deps = (router as unknown as { deps: RouterDeps }).deps;
    await expect(deps.events.publish([])).rejects.toThrow(
      'events: this function leaves delivery to the outbox dispatcher',
    );
    await expect(deps.timers.schedule([])).rejects.toThrow('timers: this function leaves delivery to the outbox');
    expect(deps.telephony).toBeUndefined();
  });
});
