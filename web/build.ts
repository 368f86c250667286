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
  // One stylesheet for both pages, inlined so each page stays two files.
  const shared = `<style>\n${readFileSync(join(__dirname, 'shared', 'common.css'), 'utf8')}</style>`;
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(/<!-- shared-style:[^>]*-->/, shared);
  return { 'index.html': html, 'app.js': out.outputFiles[0]!.text };
}
