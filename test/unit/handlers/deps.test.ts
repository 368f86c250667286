import { requireEnv } from '../../../lambdas/shared/env';

describe('composition root environment', () => {
  it('names a missing variable', () => {
    expect(() => requireEnv('TABLE_NAME', {})).toThrow('environment variable TABLE_NAME is not set');
  });

  it('returns a set variable', () => {
    expect(requireEnv('TABLE_NAME', { TABLE_NAME: 'routing' })).toBe('routing');
  });
});
