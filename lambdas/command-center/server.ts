import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CommandCenterSnapshot } from './projection';

/** The local center on this server (its pages, API, sign-in and push channel: lambdas/local-center/extension). */
export interface ServerExtension {
  /** Answers the request and returns true, or returns false to leave it to this server. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
  upgrade?(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface CommandCenterServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The local server: `/` leads to the Command Center page, `/api/state` is the read model's snapshot as JSON (for
 * scripts; pages read it through the HTTP API as supervisors), everything else is the extension's.
 */
export async function serveCommandCenter(
  snapshot: () => CommandCenterSnapshot,
  port: number,
  extension: ServerExtension,
): Promise<CommandCenterServer> {
  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (await extension.handle(req, res, path).catch((e: unknown) => failed(res, e))) return;
    if (path === '/') {
      res.writeHead(302, { location: '/command-center/' });
      res.end();
    } else if (path === '/api/state') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(snapshot()));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  if (extension.upgrade) server.on('upgrade', (req, socket, head) => extension.upgrade!(req, socket, head));
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
