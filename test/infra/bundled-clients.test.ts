import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleEntry } from '../../lib/bundling/handler-bundle';
import * as samples from '../support/sdk-samples';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly target: string | undefined;
  readonly body: string;
  /** How the request was signed: `Authorization` and the session token. */
  readonly signedWith: { readonly authorization?: string; readonly token?: string };
}

/**
 * What the services answer, in their protocols' documented forms: Connect (REST-JSON) names its error in
 * `x-amzn-ErrorType` (Amazon Connect API Reference, "Common Errors": ThrottlingException, 429); DynamoDB (JSON 1.0)
 * in `__type` (DynamoDB Developer Guide, "Error handling with DynamoDB": ConditionalCheckFailedException, 400); S3
 * returns the object's bytes.
 */
function answer(req: IncomingMessage): [status: number, body: unknown, headers?: Record<string, string>] {
  const target = req.headers['x-amz-target'];
  if (req.url?.includes('/throttled/'))
    return [429, { message: 'Rate exceeded' }, { 'x-amzn-errortype': 'ThrottlingException' }];
  if (req.url?.startsWith('/contacts/')) return [200, {}];
  if (target === 'DynamoDB_20120810.GetItem') return [200, { Item: { pk: { S: 'REP#r1' }, used: { N: '2' } } }];
  if (target === 'DynamoDB_20120810.PutItem')
    return [
      400,
      {
        __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
        message: 'The conditional request failed',
      },
    ];
  return [200, { queues: [] }];
}

function reply(req: IncomingMessage, res: ServerResponse): void {
  const [status, body, headers] = answer(req);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...headers });
  res.end(JSON.stringify(body));
}

describe('the AWS SDK clients as bundled for the functions', () => {
  let server: Server;
  let endpoint: string;
  let seen: Seen[] = [];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bundled-clients-'));
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        const signedWith = {
          authorization: req.headers.authorization,
          token: req.headers['x-amz-security-token'] as string | undefined,
        };
        seen.push({
          method: req.method!,
          url: req.url!,
          target: req.headers['x-amz-target'] as string,
          body,
          signedWith,
        });
        reply(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs one of test/support/sdk-samples.ts's calls from a bundle built as the functions are; its printed result. */
  async function runBundled(call: keyof typeof samples, env?: NodeJS.ProcessEnv): Promise<string> {
    const entry = join(dir, `${call}.ts`);
    writeFileSync(
      entry,
      `import { ${call} } from ${JSON.stringify(join(__dirname, '../support/sdk-samples'))};\n` +
        `${call}(process.argv[2]!).then((o) => console.log(JSON.stringify(o)));\n`,
    );
    await bundleEntry(entry, join(dir, `${call}.js`));
    const run = promisify(execFile)(process.execPath, [join(dir, `${call}.js`), endpoint], env ? { env } : {});
    return (await run).stdout;
  }

  it('send the same requests and read the same answers and errors as the SDK unbundled', async () => {
    seen = [];
    const inProcess = await samples.sendSamples(endpoint);
    const inProcessRequests = seen;

    seen = [];
    const stdout = await runBundled('sendSamples');

    expect(JSON.parse(stdout)).toEqual(inProcess);
    const unsigned = (r: Seen[]) => r.map(({ signedWith: _, ...request }) => request);
    expect(unsigned(seen)).toEqual(unsigned(inProcessRequests));
    expect(inProcess).toEqual([
      { data: 'targeted' },
      { error: 'ThrottlingException', modelled: true },
      { data: { pk: 'REP#r1', used: 2 } },
      { error: 'ConditionalCheckFailedException', modelled: true },
      { data: '{"queues":[]}' },
    ]);
    expect(inProcessRequests.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.target ?? ''}`.trim())).toEqual([
      'POST /contacts/instance-1/contact-1/routing-data',
      'POST /contacts/instance-1/throttled/routing-data',
      'POST / DynamoDB_20120810.GetItem',
      'POST / DynamoDB_20120810.PutItem',
      'GET /b/config.json',
    ]);
  });

  it("sign with the execution role's credentials Lambda puts in the environment", async () => {
    seen = [];
    const stdout = await runBundled('readWithoutCredentials', {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_ACCESS_KEY_ID: 'ASIAFUNCTIONROLE',
      AWS_SECRET_ACCESS_KEY: 'function-secret',
      AWS_SESSION_TOKEN: 'function-token',
    });

    expect(JSON.parse(stdout)).toEqual({ pk: 'REP#r1', used: 2 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signedWith.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIAFUNCTIONROLE\/\d{8}\/us-east-1\//,
    );
    expect(seen[0]!.signedWith.token).toBe('function-token');
  });
});
