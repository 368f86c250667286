import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { localLambdaContext } from '../adapters/local/lambda-context';
import type { Router } from '../domain/use-cases/router';
import { routes } from '../handlers/http/routes';
import { makeHandler } from '../handlers/http-api';
import { API_SCOPE, type AuthorizerContext } from '../shared/identity';
import type { TokenVerifier } from '../shared/token-verifier';

const matchers = Object.keys(routes).map((key) => {
  const [method, template] = key.split(' ') as [string, string];
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { key, method, regex: new RegExp(`^${pattern}$`), names };
});

/** A route key and its path parameters for a request path, as API Gateway's router would find them. */
export function matchRoute(method: string, path: string) {
  for (const m of matchers) {
    const found = m.method === method ? m.regex.exec(path) : null;
    if (found)
      return {
        routeKey: m.key,
        params: Object.fromEntries(m.names.map((n, i) => [n, decodeURIComponent(found[i + 1]!)])),
      };
  }
  return { routeKey: `${method} ${path}`, params: {} };
}

const localContext = localLambdaContext('local-http-api');

/**
 * The HTTP API on localhost, through the deployed handler code: this plays API Gateway's part. A bearer token is
 * verified (as the JWT authorizer does; a bad one is 401 before the handler). Routes for integrations take
 * unsigned calls here: on AWS they are IAM-signed, and there is no IAM on localhost.
 */
export function localHttpApi(router: () => Router, verifier: TokenVerifier) {
  const handler = makeHandler(router);
  return async (req: IncomingMessage, res: ServerResponse, path: string, body: string): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { routeKey, params } = matchRoute(method, path);
    let authorizer: AuthorizerContext | undefined;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const claims = await verifier.verify(bearer).catch(() => undefined);
      if (!claims) return send(res, { statusCode: 401, body: JSON.stringify({ message: 'Unauthorized' }) });
      // The routes require the API's scope, which only access tokens carry: an ID token is refused, as on AWS.
      if (
        !String(claims.scope ?? '')
          .split(' ')
          .includes(API_SCOPE)
      )
        return send(res, { statusCode: 403, body: JSON.stringify({ message: 'Forbidden' }) });
      authorizer = { jwt: { claims } };
    } else if (routes[routeKey]?.access === 'machine') authorizer = { iam: { local: true } };
    const event = {
      version: '2.0',
      routeKey,
      rawPath: path,
      rawQueryString: url.search.slice(1),
      headers: req.headers as Record<string, string>,
      isBase64Encoded: false,
      pathParameters: params,
      queryStringParameters: Object.fromEntries(url.searchParams),
      body: body || undefined,
      requestContext: { http: { method, path }, authorizer },
    } as unknown as APIGatewayProxyEventV2;
    send(res, (await handler(event, localContext)) as APIGatewayProxyStructuredResultV2);
  };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  res.writeHead(result.statusCode ?? 200, { 'content-type': 'application/json', ...(result.headers ?? {}) });
  res.end(result.body ?? '');
}
