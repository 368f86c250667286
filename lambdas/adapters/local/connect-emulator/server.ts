import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ConnectApi } from './connect-api';
import { ConnectApiError } from './instance';

type Body = Record<string, unknown>;
type Run = (api: ConnectApi, labels: string[], body: Body, query: URLSearchParams) => unknown;
type Route = readonly [method: string, path: RegExp, run: Run];

const seg = '([^/]+)';
const path = (...parts: string[]) => new RegExp(`^/${parts.join('/')}$`);

/**
 * The routes of the operations the router calls, as client-connect's models declare them (each operation's
 * `http` trait: method, URI and its labels). The signature is not checked, as DynamoDB Local does not.
 */
const ROUTES: readonly Route[] = [
  ['POST', path('contacts', seg, seg, 'routing-data'), (api, [i, c], b) => api.updateContactRoutingData(i!, c!, b)],
  ['PUT', path('contact', 'outbound-voice'), (api, _, b) => api.startOutboundVoiceContact(b)],
  ['PUT', path('users', seg, seg, 'status'), (api, [i, u], b) => api.putUserStatus(i!, u!, b)],
  ['POST', path('users', seg, seg, 'routing-profile'), (api, [i, u], b) => api.updateUserRoutingProfile(i!, u!, b)],
  ['POST', path('users', seg, seg, 'phone-config'), (api, [i, u], b) => api.updateUserPhoneConfig(i!, u!, b)],
  ['POST', path('users', seg, seg, 'contact'), (api, [i, u], b) => api.dismissUserContact(i!, u!, b)],
  ['GET', path('users', seg, seg), (api, [i, u]) => api.describeUser(i!, u!)],
  ['POST', path('metrics', 'userdata', seg), (api, [i], b) => api.getCurrentUserData(i!, b)],
  ['GET', path('agent-status', seg), (api, [i]) => api.listAgentStatuses(i!)],
  ['GET', path('users-summary', seg), (api, [i]) => api.listUsers(i!)],
  ['GET', path('routing-profiles', seg, seg, 'queues'), (api, [i, r]) => api.listRoutingProfileQueues(i!, r!)],
  ['PUT', path('instance', seg, 'approved-origin'), (api, [i], b) => api.associateApprovedOrigin(i!, b)],
  ['GET', path('instance', seg, 'approved-origins'), (api, [i]) => api.listApprovedOrigins(i!)],
  ['POST', path('tags', seg), (api, [arn], b) => api.tags.tagResource(arn!, b)],
  ['DELETE', path('tags', seg), (api, [arn], _, q) => api.tags.untagResource(arn!, q.getAll('tagKeys'))],
  ['GET', path('tags', seg), (api, [arn]) => api.tags.listTagsForResource(arn!)],
];

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Body) : {};
}

function answer(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
  });
  res.end(text);
}

/** Serves one ConnectApi over HTTP on the loopback address, on a free port. */
export async function serveConnectApi(api: ConnectApi, port = 0): Promise<{ server: Server; endpoint: string }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Labels are matched encoded: a label may hold an ARN, whose slashes the client encodes (%2F).
    const route = ROUTES.find(([method, pattern]) => method === req.method && pattern.test(url.pathname));
    try {
      const body = await readBody(req);
      if (!route) throw new ConnectApiError('UnknownOperationException', 404, `${req.method} ${url.pathname}`);
      const labels = url.pathname.match(route[1])!.slice(1).map(decodeURIComponent);
      answer(res, 200, route[2](api, labels, body, url.searchParams));
    } catch (err) {
      if (err instanceof ConnectApiError) answer(res, err.status, { Message: err.message }, err.errorType);
      else answer(res, 500, { Message: String(err) }, 'InternalServiceException');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { server, endpoint: `http://127.0.0.1:${bound}` };
}
