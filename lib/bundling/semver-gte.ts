import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/** semver's `gte` alone (its comment says why). */
export const SEMVER_GTE = join(__dirname, '../../lambdas/shared/semver-gte.ts');

/**
 * The packages that import `semver` for `gte` alone (read in their sources): `cls-hooked` to choose its
 * async-hooks context, the X-Ray SDK to check an SDK v2's version. Any other importer gets the real package.
 */
const GTE_ONLY = /node_modules\/(cls-hooked\/index\.js|aws-xray-sdk-core\/dist\/lib\/patchers\/aws_p\.js)$/;

/** Resolves `semver` to semver-gte.ts for those importers, in the bundles only. */
export const semverGte: Plugin = {
  name: 'semver-gte',
  setup(build) {
    build.onResolve({ filter: /^semver$/ }, ({ importer }) =>
      GTE_ONLY.test(importer) ? { path: SEMVER_GTE } : undefined,
    );
  },
};
