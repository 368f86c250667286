import { join } from 'node:path';
import { bundleHandler } from './handler-bundle';

/**
 * `node --import tsx lib/bundling/bundle-cli.ts <handler> <outDir>`: the stack's local bundling step
 * (router-function.ts). CDK asks for bundling synchronously and esbuild runs plugins only in its asynchronous API,
 * hence a process of its own.
 */
const [name, outDir] = process.argv.slice(2);
if (!name || !outDir) {
  console.error('usage: bundle-cli.ts <handler file without extension> <output directory>');
  process.exit(2);
}
bundleHandler(name, join(outDir, 'index.js')).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
