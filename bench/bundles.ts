import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { bundleHandler, HANDLERS } from '../lib/bundling/handler-bundle';

export interface BundleCost {
  readonly kb: number;
  /**
   * Median of LOADS cold loads as deployed: a fresh Node process (no flags, as the functions run) requiring the
   * bundle, its map beside it (module evaluation included). The bundle reads its map only when a trace is formatted.
   */
  readonly loadMs: number;
  /** The same with Node's `--enable-source-maps`, which reads and indexes the map as the bundle loads. */
  readonly loadMsWithNodeSourceMaps: number;
}

const LOADS = 11;
/** What each function gets from its stack (values do not matter: nothing is called at load). */
const ENVIRONMENT = {
  TABLE_NAME: 'bench',
  EVENT_BUS_NAME: 'bench',
  TIMER_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/bench',
  TIMER_QUEUE_ARN: 'arn:aws:sqs:us-east-1:123456789012:bench',
  SCHEDULE_GROUP: 'bench',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/bench',
  CONNECT_INSTANCE_ID: '00000000-0000-0000-0000-000000000000',
  AWS_REGION: 'us-east-1',
};

/**
 * Every Lambda handler bundled as the CDK stack bundles it (lib/bundling/handler-bundle.ts: esbuild, minified,
 * tree-shaken from ES modules, CommonJS, the AWS SDK inside, a source map without the sources' text), with its size
 * and the time Node takes to load it, as deployed and with Node's own source maps.
 */
export async function bundleCosts(): Promise<Record<string, BundleCost>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    const handlers = readdirSync(HANDLERS).filter((f) => f.endsWith('.ts'));
    const costs: Record<string, BundleCost> = {};
    for (const file of handlers) {
      const out = join(dir, `${basename(file, '.ts')}.js`);
      await bundleHandler(basename(file, '.ts'), out);
      costs[basename(file, '.ts')] = {
        kb: Math.round(statSync(out).size / 102.4) / 10,
        loadMs: loadTime(out, []),
        loadMsWithNodeSourceMaps: loadTime(out, ['--enable-source-maps']),
      };
    }
    return costs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadTime(bundle: string, flags: string[]): number {
  const probe = `const t=process.hrtime.bigint();require(${JSON.stringify(bundle)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  const env = { ...process.env, ...ENVIRONMENT, NODE_NO_WARNINGS: '1' };
  const times = Array.from({ length: LOADS }, () =>
    Number(execFileSync(process.execPath, [...flags, '-e', probe], { env, encoding: 'utf8' }).trim()),
  ).sort((a, b) => a - b);
  return Math.round(times[Math.floor(LOADS / 2)]! * 10) / 10;
}
