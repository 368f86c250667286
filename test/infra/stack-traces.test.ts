import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEntry } from '../../lib/bundling/handler-bundle';

/** A stack trace printed by a bundle built as the functions' are, run by Node with no flags, as deployed. */
async function traceFromBundle(removeMapAfterLoad: boolean): Promise<{ trace: string; bundle: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'stack-traces-'));
  try {
    const bundle = join(dir, 'index.js');
    await bundleEntry(join(__dirname, '../support/throwing-entry.ts'), bundle);
    const args = [bundle, ...(removeMapAfterLoad ? ['remove-map'] : [])];
    return { trace: execFileSync(process.execPath, args, { encoding: 'utf8' }), bundle };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the functions' stack traces", () => {
  it('name our sources, functions and lines, from the map beside the bundle', async () => {
    const { trace } = await traceFromBundle(false);
    const lines = trace.trim().split('\n');
    expect(lines[0]).toBe('InvalidInputError: queue: is bad');
    expect(trace).toMatch(/\n {4}at refuse \(.*test\/support\/throwing-entry\.ts:6:9\)/);
    expect(trace).toMatch(/\n {4}at handle \(.*test\/support\/throwing-entry\.ts:10:3\)/);
  });

  it('read the map only when a trace is formatted, not as the bundle loads', async () => {
    const { trace, bundle } = await traceFromBundle(true);
    expect(trace).not.toMatch(/\.ts:\d+/);
    expect(trace).toContain(`${bundle}:`);
  });
});
