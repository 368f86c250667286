import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { CommandCenterSnapshot } from './projection';

/** The page itself lives with the other web pages; it is read once, when the server starts. */
const PAGE_FILE = join(__dirname, '..', '..', 'web', 'command-center', 'index.html');

/** More of the local center on the same port (the live center's API, sign-in, workspace and push channel). */
export interface ServerExtension {
  /** Answers the request and returns true, or returns false to leave it to the Command Center. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface CommandCenterServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the Command Center page on localhost: `/` the page, `/api/state` one snapshot, `/api/stream`
 * server-sent events with a fresh snapshot every `intervalMs`, so the page updates without reloading.
 */
export async function serveCommandCenter(
  snapshot: () => CommandCenterSnapshot,
  port = 8080,
  intervalMs = 500,
  extension?: ServerExtension,
): Promise<CommandCenterServer> {
  const page = readFileSync(PAGE_FILE, 'utf8');
  const streams = new Set<ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (extension && (await extension.handle(req, res, path).catch((e: unknown) => failed(res, e)))) return;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
    } else if (path === '/api/state') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(snapshot()));
    } else if (path === '/api/stream') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`data: ${JSON.stringify(snapshot())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  if (extension?.upgrade) server.on('upgrade', (req, socket, head) => extension.upgrade!(req, socket, head));
  const timer = setInterval(() => {
    if (streams.size === 0) return;
    const data = `data: ${JSON.stringify(snapshot())}\n\n`;
    for (const res of streams) res.write(data);
  }, intervalMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const res of streams) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failed(res: ServerResponse, e: unknown): true {
  console.error(e);
  if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'internal error' }));
  return true;
}
