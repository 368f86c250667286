import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultProvider } from '../../../lambdas/adapters/credentials/function-credentials';

/**
 * A container credential endpoint's answer, in the form the Amazon ECS Developer Guide documents for a task's IAM
 * role ("Task IAM role": AccessKeyId, Expiration, RoleArn, SecretAccessKey, Token).
 */
const CONTAINER_ANSWER = {
  AccessKeyId: 'ASIACONTAINER',
  Expiration: '2099-01-01T00:00:00Z',
  RoleArn: 'arn:aws:iam::123456789012:role/router',
  SecretAccessKey: 'container-secret',
  Token: 'container-token',
};

const VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_PROFILE',
];

describe("the functions' credential chain", () => {
  const saved = Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]));
  let server: Server;
  let asked = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      asked++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(CONTAINER_ANSWER));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  beforeEach(() => {
    for (const v of VARIABLES) delete process.env[v];
    asked = 0;
  });
  afterAll(async () => {
    for (const [v, value] of Object.entries(saved))
      if (value === undefined) delete process.env[v];
      else process.env[v] = value;
    await new Promise((resolve) => server.close(resolve));
  });

  it("reads the execution role's credentials Lambda puts in the environment", async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'ASIAFUNCTION',
      AWS_SECRET_ACCESS_KEY: 'function-secret',
      AWS_SESSION_TOKEN: 'function-token',
    });
    await expect(defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'ASIAFUNCTION',
      secretAccessKey: 'function-secret',
      sessionToken: 'function-token',
    });
    expect(asked).toBe(0);
  });

  it("without them, asks the container's credential endpoint once and keeps the answer until it nears expiry", async () => {
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${(server.address() as AddressInfo).port}/role`;
    const provider = defaultProvider();
    const first = await provider();
    expect(first).toMatchObject({
      accessKeyId: 'ASIACONTAINER',
      secretAccessKey: 'container-secret',
      sessionToken: 'container-token',
      expiration: new Date('2099-01-01T00:00:00Z'),
    });
    await expect(provider()).resolves.toEqual(first);
    expect(asked).toBe(1);
  });

  it('fails with a reason when there is no source, never reading a profile', async () => {
    Object.assign(process.env, { AWS_EC2_METADATA_DISABLED: 'true', AWS_PROFILE: 'someone' });
    await expect(defaultProvider()()).rejects.toThrow(
      'no credentials: AWS_ACCESS_KEY_ID is not set and IMDS is disabled',
    );
  });
});
