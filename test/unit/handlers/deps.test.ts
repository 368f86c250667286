import { CANDIDATE_CACHE_MS } from '../../../lambdas/domain/use-cases/candidate-cache';
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
