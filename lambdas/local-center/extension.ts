import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { buildPage } from '../../web/build';
import { contentSecurityPolicy, styleHashes } from '../../web/csp';
import type { LocalIdentityProvider } from '../adapters/local/identity-provider';
import type { ServerExtension } from '../command-center/server';
import type { Router } from '../domain/use-cases/router';
import { API_SCOPE } from '../shared/identity';
import type { LocalDesktopPush } from './desktop-sockets';
import { localHttpApi } from './http-bridge';
import type { LocalSignIn } from './sign-in';

const OPENAPI_FILE = join(__dirname, '..', '..', 'docs', 'openapi.json');
const MAX_BODY = 128 * 1024;
let streams: string | undefined;
const connectStreams = () =>
  (streams ??= readFileSync(require.resolve('amazon-connect-streams/release/connect-streams-min.js'), 'utf8'));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
};

/**
 * The local center's part of the local server: the rep workspace (`/rep/`) and the Command Center
 * (`/command-center/`) with their config, the HTTP API under `/api`, the sign-in under `/auth`, the push channel
 * at `/desktop`, and the OpenAPI document.
 */
export function liveExtension(parts: {
  readonly origin: () => string;
  readonly router: () => Router | undefined;
  readonly idp: () => LocalIdentityProvider;
  readonly signIn: () => LocalSignIn;
  readonly desktops: () => LocalDesktopPush;
  /** The softphone stand-in (`/softphone/…`) and the customers' side of test calls (`/connect/calls`). */
  readonly softphone: (req: IncomingMessage, res: ServerResponse, path: string, body: string) => Promise<void>;
  readonly calls: (res: ServerResponse, path: string, body: string) => Promise<void>;
}): ServerExtension {
  const pages = { rep: buildPage('rep-workspace'), 'command-center': buildPage('command-center') };
  const styles = Object.values(pages).flatMap((p) => styleHashes(p['index.html']));
  // The deployed pages' policy, with the local origins: every page test runs under it.
  const csp = () => contentSecurityPolicy({ connect: [parts.origin(), parts.origin().replace(/^http/, 'ws')] }, styles);
  const openApi = readFileSync(OPENAPI_FILE, 'utf8');
  const api = localHttpApi(() => parts.router() ?? notReady(), { verify: (t) => parts.idp().verify(t) });
  const config = () => ({
    apiUrl: `${parts.origin()}/api`,
    pushUrl: `${parts.origin().replace(/^http/, 'ws')}/desktop`,
    auth: {
      authorizeUrl: `${parts.origin()}/auth/authorize`,
      tokenUrl: `${parts.origin()}/auth/token`,
      clientId: 'local-workspace',
      scope: `openid ${API_SCOPE}`,
    },
    // Voice runs through the Connect emulator here: the page shows a stand-in for the CCP that drives it.
    softphone: { kind: 'standIn', url: `${parts.origin()}/softphone` },
  });
  const send = (res: ServerResponse, type: string, body: string) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...CORS });
    res.end(body);
  };
  return {
    async handle(req, res, path) {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      // The router starts after the server: until then a call is told to come back, not failed (RFC 9110 §15.6.4).
      const needsRouter = isRouterApi(path) || path.startsWith('/softphone/') || path.startsWith('/connect/calls');
      if (needsRouter && req.method !== 'OPTIONS' && !parts.router()) {
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2', ...CORS });
        res.end(JSON.stringify({ message: 'the local center is still starting: try again in a moment' }));
        return true;
      }
      if (path === '/') {
        res.setHeader('content-security-policy', csp());
        send(res, 'text/html; charset=utf-8', INDEX_PAGE);
        return true;
      }
      const page = /^\/(rep|command-center)(\/.*)?$/.exec(path);
      const files = page ? pages[page[1] as keyof typeof pages] : undefined;
      if (files && !page?.[2]) res.writeHead(302, { location: `${path}/` }).end();
      else if (files && page?.[2] === '/') {
        res.setHeader('content-security-policy', csp());
        send(res, 'text/html; charset=utf-8', files['index.html']);
      } else if (files && page?.[2] === '/app.js') send(res, 'text/javascript', files['app.js']);
      // As deployed beside the page, for a workspace configured to embed a CCP.
      else if (files && page?.[2] === '/connect-streams.js') send(res, 'text/javascript', connectStreams());
      else if ((files && page?.[2] === '/config.json') || path === '/config.json')
        send(res, 'application/json', JSON.stringify(config()));
      else if (path === '/openapi.json') send(res, 'application/json', openApi);
      else if (path === '/auth/.well-known/jwks.json') send(res, 'application/json', JSON.stringify(parts.idp().jwks));
      else if (path === '/auth/authorize' && req.method === 'GET') parts.signIn().authorizePage(res, query);
      else if (path === '/auth/authorize') parts.signIn().authorize(res, new URLSearchParams(await readBody(req)));
      else if (path === '/auth/token') parts.signIn().token(res, new URLSearchParams(await readBody(req)));
      else if (path === '/auth/dev-token') parts.signIn().devToken(res, query);
      else if (path.startsWith('/softphone/') && req.method === 'OPTIONS') res.writeHead(204, CORS).end();
      else if (path.startsWith('/softphone/')) await parts.softphone(req, res, path, await readBody(req));
      else if (path.startsWith('/connect/calls') && req.method === 'POST')
        await parts.calls(res, path, await readBody(req));
      else if (!isRouterApi(path)) return false;
      else if (req.method === 'OPTIONS') res.writeHead(204, CORS).end();
      else {
        for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
        await api(req, res, path.slice('/api'.length), await readBody(req));
      }
      return true;
    },
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      if ((req.url ?? '').startsWith('/desktop')) void parts.desktops().upgrade(req, socket, head);
      else socket.destroy();
    },
  };
}

/** What `/` shows: where the pages and the API document are, and how scripts get a token. */
const INDEX_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>unified-routing · local</title>
</head><body><main><h1>The local contact center</h1><ul>
<li><a href="/rep/">Rep workspace</a>: sign in as one of the people you play, and take work</li>
<li><a href="/command-center/">Command Center</a>: queues, reps and the backlog, as a supervisor</li>
<li><a href="/openapi.json">The HTTP API</a> (OpenAPI), served under <code>/api</code></li>
<li>A token for scripts: <code>/auth/dev-token?username=&lt;person&gt;</code></li>
</ul></main></body></html>`;

/** `/api/state` is the local server's own (the snapshot, for scripts); every other `/api/` path is the HTTP API. */
const isRouterApi = (path: string) => path.startsWith('/api/') && path !== '/api/state';

function notReady(): never {
  throw new Error('the live center is still starting');
}
