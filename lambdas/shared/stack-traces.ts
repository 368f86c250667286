import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

/**
 * Stack traces that name our sources' files and lines, with the bundle's source map read only when a trace is first
 * formatted. Node's own `--enable-source-maps` reads and indexes the map, and scans the whole bundle, as the bundle
 * loads: 16–47 ms of every cold start (bench/bundles.ts), for traces most invocations never print. The bundler
 * puts stack-traces-install.ts first into every function (lib/bundling/handler-bundle.ts), with `bundle` the
 * function's file and its map beside it; a trace formatted without the map names the bundle's own lines.
 */
export function mapStackTracesLazily(bundle: string): void {
  let map: SourceMap | null | undefined;
  const sourceMap = (): SourceMap | null => {
    if (map === undefined) map = readMap(`${bundle}.map`);
    return map;
  };
  Error.prepareStackTrace = (error, sites) => {
    const m = sourceMap();
    const frames = sites.map(
      (site, i) => `\n    at ${m && site.getFileName() === bundle ? frame(m, site, sites[i + 1]) : site}`,
    );
    return `${errorHeader(error)}${frames.join('')}`;
  };
}

function readMap(path: string): SourceMap | null {
  try {
    return new SourceMap(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

/** As V8 begins a trace: the error's own `toString`. */
const errorHeader = (error: Error): string => {
  try {
    return String(error);
  } catch {
    return '<error>';
  }
};

/** A trace must never fail to format: a frame the map cannot place is shown as V8 shows it. */
function frame(map: SourceMap, site: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string {
  try {
    return mapped(map, site, caller);
  } catch {
    return String(site);
  }
}

/**
 * One frame at its place in the sources. The function's own name is the one its caller's call site names (so the
 * next frame's entry), as Node does, for the bundle's names are minified.
 */
function mapped(map: SourceMap, site: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string {
  const entry = map.findEntry(site.getLineNumber()! - 1, site.getColumnNumber()! - 1);
  if (!('originalSource' in entry)) return String(site);
  const callerEntry =
    caller?.getFileName() === site.getFileName()
      ? map.findEntry(caller!.getLineNumber()! - 1, caller!.getColumnNumber()! - 1)
      : undefined;
  const name = (callerEntry && 'name' in callerEntry && callerEntry.name) || site.getFunctionName();
  const where = `${readable(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  const prefix = site.isAsync() ? 'async ' : site.isConstructor() ? 'new ' : '';
  return name ? `${prefix}${name} (${where})` : `${prefix}${where}`;
}

/** A source's path as the repository names it (the map's are relative to wherever the bundle was built). */
const readable = (source: string): string => {
  const at = source.search(/(node_modules|lambdas)\//);
  return at >= 0 ? source.slice(at) : source.replace(/^(\.\.\/)+/, '');
};
