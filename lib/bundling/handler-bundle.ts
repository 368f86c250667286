import { join } from 'node:path';
import { type BuildOptions, type BuildResult, build } from 'esbuild';
import { functionCredentials } from './function-credentials';
import { sdkSchemaKeys } from './sdk-schema-keys';
import { semverGte } from './semver-gte';

/** The folder of the Lambda handlers, one entry point per file. */
export const HANDLERS = join(__dirname, '../../lambdas/handlers');

/**
 * How every function is bundled, so that the stack, the bench and the bundle tests build the very same files:
 * one CommonJS file, minified and tree-shaken from the packages' ES modules, the AWS SDK inside (one file loads
 * faster than the runtime's SDK resolved file by file, and the version deployed is the version tested). Source maps
 * leave out the sources' text (a stack trace needs only the mappings), and are read only when a trace is first
 * formatted: stack-traces-install.ts goes first into every bundle, in place of Node's `--enable-source-maps`, which
 * reads them as the bundle loads. The plugins: the SDK's schemas reduced to what a function sends
 * (sdk-schema-keys.ts), the clients' credentials from the function's role alone (function-credentials.ts), and
 * semver's `gte` alone where that is all a package calls (semver-gte.ts).
 */
export const BUNDLE = {
  bundle: true,
  inject: [join(__dirname, '../../lambdas/shared/stack-traces-install.ts')],
  treeShaking: true,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  logLevel: 'error',
  plugins: [sdkSchemaKeys, functionCredentials, semverGte],
} as const satisfies BuildOptions;

/** Bundles handler `name` (a file of lambdas/handlers, without extension) into `outfile`, with a metafile. */
export const bundleHandler = (name: string, outfile: string, write = true) =>
  bundleEntry(join(HANDLERS, `${name}.ts`), outfile, write);

/** Bundles any entry point as the functions are bundled into `outfile`, with a metafile. */
export function bundleEntry(entry: string, outfile: string, write = true): Promise<BuildResult<{ metafile: true }>> {
  return build({
    ...BUNDLE,
    mainFields: [...BUNDLE.mainFields],
    plugins: [...BUNDLE.plugins],
    inject: [...BUNDLE.inject],
    entryPoints: [entry],
    outfile,
    write,
    metafile: true,
  });
}
