import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/** The functions' credential chain (its comment says what it leaves out of the default one, and why). */
export const FUNCTION_CREDENTIALS = join(__dirname, '../../lambdas/adapters/credentials/function-credentials.ts');

/**
 * Resolves the SDK clients' `@aws-sdk/credential-provider-node` (every client's runtime configuration imports its
 * `defaultProvider`) to the functions' own chain. Only bundles are affected: tests, the simulator and the bench run
 * the clients unbundled, with the default chain.
 */
export const functionCredentials: Plugin = {
  name: 'function-credentials',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: FUNCTION_CREDENTIALS }));
  },
};
