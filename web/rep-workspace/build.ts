import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** The workspace page's files: index.html and one minified, tree-shaken ES module bundled by esbuild. */
export function buildWorkspace(): { 'index.html': string; 'app.js': string } {
  const out = buildSync({
    entryPoints: [join(__dirname, 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    legalComments: 'none',
  });
  return { 'index.html': readFileSync(join(__dirname, 'index.html'), 'utf8'), 'app.js': out.outputFiles[0]!.text };
}
