import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { FUNCTION_CREDENTIALS } from '../../lib/bundling/function-credentials';
import { bundleHandler, HANDLERS } from '../../lib/bundling/handler-bundle';
import { SEMVER_GTE } from '../../lib/bundling/semver-gte';
import { ROUTER_FUNCTIONS } from '../../lib/constructs/router-functions';

/**
 * The AWS clients each handler's bundle must carry, and no others: a client costs tens of milliseconds of cold
 * start to parse (bench/bundles.ts). Only the outbox dispatcher delivers (events, timers, Connect, desktops); the
 * timer function also re-arms timers; functions that report missing voicemails read the recordings bucket; the HTTP
 * API reads the Command Center's snapshot; the configuration loader reads the deploy's file.
 */
const CLIENTS: Record<string, string[]> = {
  'agent-placement': ['connect'],
  'callback-request': ['dynamodb'],
  'command-center-feed': ['apigatewaymanagementapi', 'dynamodb', 's3'],
  'configuration-loader': ['dynamodb', 's3'],
  'connect-agent-events': ['connect', 'dynamodb'],
  'connect-contact-events': ['connect', 'dynamodb'],
  'contact-flow-handoff': ['dynamodb'],
  'desktop-authorizer': [],
  'desktop-socket': ['apigatewaymanagementapi', 'dynamodb', 'scheduler', 'sqs'],
  'http-api': ['dynamodb', 's3'],
  'outbox-dispatch': ['apigatewaymanagementapi', 'connect', 'dynamodb', 'eventbridge', 'scheduler', 'sqs'],
  'recording-arrived': ['dynamodb'],
  redrive: ['apigatewaymanagementapi', 'connect', 'dynamodb', 'eventbridge', 'lambda', 'scheduler', 'sqs'],
  sweeper: ['connect', 'dynamodb', 's3'],
  timers: ['dynamodb', 's3', 'scheduler', 'sqs'],
  voicemail: ['dynamodb'],
  'work-submitted': ['dynamodb'],
};

/** A service's schema module puts at most this in a bundle: the shapes of the operations the function sends. */
const SCHEMA_KB_MAX = 20;

/**
 * zod puts at most this in a bundle: zod/mini's core and English messages (30-36 kB). Classic zod, or any namespace
 * object exported as a value (zod's own `z`, mini's `locales`), keeps every schema kind and every language: 400 kB.
 */
const ZOD_KB_MAX = 45;

/**
 * A handler bundled as the stack bundles it (lib/bundling/handler-bundle.ts): the AWS SDK clients in it, what each
 * SDK schema module puts in it, and what zod puts in it, in kB.
 */
async function bundled(
  file: string,
): Promise<{ clients: string[]; schemaKb: Record<string, number>; zodKb: number; inputs: string[] }> {
  const result = await bundleHandler(basename(file, '.ts'), 'bundle.js', false);
  const clients = Object.keys(result.metafile.inputs).flatMap(
    (i) => i.match(/@aws-sdk\/client-([a-z0-9-]+)\//)?.[1] ?? [],
  );
  // The source map is an output too, with no inputs: measure the bundle itself.
  const output = result.metafile.outputs['bundle.js'];
  const schemaKb = Object.fromEntries(
    Object.entries(output!.inputs)
      .filter(([input]) => /schemas\/schemas_\d+\.js$/.test(input))
      .map(([input, { bytesInOutput }]) => [input.replace(/.*node_modules\//, ''), bytesInOutput / 1024]),
  );
  const zodKb = Object.entries(output!.inputs)
    .filter(([input]) => input.includes('node_modules/zod/'))
    .reduce((kb, [, { bytesInOutput }]) => kb + bytesInOutput / 1024, 0);
  return { clients: [...new Set(clients)].sort(), schemaKb, zodKb, inputs: Object.keys(result.metafile.inputs) };
}

/** The default credential chain's own module, the sources it adds (and their STS, SSO and OIDC clients). */
const DEFAULT_CHAIN =
  /@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|login)|nested-clients|token-providers)\//;

describe('handler bundles', () => {
  const files = readdirSync(HANDLERS).filter((f) => f.endsWith('.ts'));

  it('every handler is listed', () => {
    expect(files.map((f) => basename(f, '.ts')).sort()).toEqual(Object.keys(CLIENTS).sort());
  });

  it.each(files)('%s carries only the clients it uses, and of their schemas only what it sends', async (file) => {
    const { clients, schemaKb, zodKb, inputs } = await bundled(file);
    expect(clients).toEqual(CLIENTS[basename(file, '.ts')]);
    // Clients sign with the functions' credential chain (lib/bundling/function-credentials.ts), not the default one.
    expect(inputs.filter((i) => DEFAULT_CHAIN.test(i))).toEqual([]);
    const root = join(__dirname, '../..');
    expect(inputs.includes(relative(root, FUNCTION_CREDENTIALS))).toBe(clients.length > 0);
    // The Tracer's X-Ray SDK calls semver's gte alone (lib/bundling/semver-gte.ts): the package stays out.
    expect(inputs.filter((i) => /node_modules\/(.+\/)?semver\//.test(i))).toEqual([]);
    expect(inputs.includes(relative(root, SEMVER_GTE))).toBe(true);
    // Without lib/bundling/sdk-schema-keys.ts, Connect's alone is 190 kB: the whole service.
    for (const [schema, kb] of Object.entries(schemaKb))
      expect({ schema, kb: Math.min(kb, SCHEMA_KB_MAX) }).toEqual({ schema, kb });
    // Schemas are zod/mini's, read through a namespace import (lambdas/domain/zod.ts).
    expect(inputs.filter((i) => i.includes('node_modules/zod/v4/classic/'))).toEqual([]);
    expect(zodKb).toBeLessThanOrEqual(ZOD_KB_MAX);
  });

  it('Amazon Connect, the bus and the timers are in exactly the functions granted them', () => {
    for (const spec of ROUTER_FUNCTIONS) {
      const clients = CLIENTS[spec.handlerFile]!;
      expect(clients.includes('connect')).toBe(spec.connect.length > 0);
      expect(clients.includes('eventbridge')).toBe('publishes' in spec && spec.publishes);
      expect(clients.includes('sqs') && clients.includes('scheduler')).toBe('schedules' in spec && spec.schedules);
    }
  });
});
