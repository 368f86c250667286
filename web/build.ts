import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** The pages the stack deploys and the local center serves, each a folder under web/ with index.html and src/. */
export type PageName = 'rep-workspace' | 'command-center';

/** A page's files: its index.html and one minified, tree-shaken ES module bundled by esbuild (Preact). */
export function buildPage(name: PageName): { 'index.html': string; 'app.js': string } {
  const dir = join(__dirname, name);
  const out = buildSync({
    entryPoints: [join(dir, 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    legalComments: 'none',
  });
  return { 'index.html': readFileSync(join(dir, 'index.html'), 'utf8'), 'app.js': out.outputFiles[0]!.text };
}
