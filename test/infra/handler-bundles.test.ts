import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE } from '../../lib/constructs/router-function';
import { ROUTER_FUNCTIONS } from '../../lib/constructs/router-functions';

const HANDLERS = join(__dirname, '../../lambdas/handlers');

/**
 * The AWS clients each handler's bundle must carry, and no others: a client costs tens of milliseconds of cold
 * start to parse (bench/bundles.ts). Only the outbox dispatcher delivers (events, timers, Connect, desktops); the
 * timer function also re-arms timers; functions that report missing voicemails read the recordings bucket; the HTTP
 * API reads the Command Center's snapshot; the configuration loader reads the deploy's file.
 */
const CLIENTS: Record<string, string[]> = {
  'callback-request': ['connect', 'dynamodb'],
  'command-center-feed': ['apigatewaymanagementapi', 'dynamodb', 's3'],
  'configuration-loader': ['dynamodb', 's3'],
  'connect-contact-events': ['connect', 'dynamodb'],
  'contact-flow-handoff': ['connect', 'dynamodb'],
  'desktop-authorizer': [],
  'desktop-socket': ['apigatewaymanagementapi', 'dynamodb'],
  'http-api': ['connect', 'dynamodb', 's3'],
  'outbox-dispatch': ['apigatewaymanagementapi', 'connect', 'dynamodb', 'eventbridge', 'scheduler', 'sqs'],
  'recording-arrived': ['dynamodb'],
  sweeper: ['connect', 'dynamodb', 's3'],
  timers: ['connect', 'dynamodb', 's3', 'scheduler', 'sqs'],
  voicemail: ['connect', 'dynamodb'],
  'work-submitted': ['dynamodb'],
};

/** The AWS SDK clients in a handler bundled as the stack bundles it (BUNDLE, lib/constructs/router-function.ts). */
async function clientsIn(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(HANDLERS, file)],
    ...BUNDLE,
    mainFields: [...BUNDLE.mainFields],
    bundle: true,
    write: false,
    outfile: 'bundle.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    metafile: true,
    logLevel: 'error',
  });
  const clients = Object.keys(result.metafile.inputs).flatMap(
    (i) => i.match(/@aws-sdk\/client-([a-z0-9-]+)\//)?.[1] ?? [],
  );
  return [...new Set(clients)].sort();
}

describe('handler bundles', () => {
  const files = readdirSync(HANDLERS).filter((f) => f.endsWith('.ts'));

  it('every handler is listed', () => {
    expect(files.map((f) => basename(f, '.ts')).sort()).toEqual(Object.keys(CLIENTS).sort());
  });

  it.each(files)('%s carries only the clients it uses', async (file) => {
    expect(await clientsIn(file)).toEqual(CLIENTS[basename(file, '.ts')]);
  });

  it('Amazon Connect, the bus and the timers are in exactly the functions granted them', () => {
    for (const spec of ROUTER_FUNCTIONS) {
      const clients = CLIENTS[spec.handlerFile]!;
      expect(clients.includes('connect')).toBe(spec.telephony);
      expect(clients.includes('eventbridge')).toBe('publishes' in spec && spec.publishes);
      expect(clients.includes('sqs') && clients.includes('scheduler')).toBe('schedules' in spec && spec.schedules);
    }
  });
});
