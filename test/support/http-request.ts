import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * Request contexts as API Gateway HTTP API builds them after its authorizer: JWT claims (array claims flattened
 * to "[a b]", as the JWT authorizer does) or an IAM caller. Used to call the HTTP handler as a given person.
 */
export type Caller = { rep: string } | 'supervisor' | 'machine' | 'anonymous' | { claims: Record<string, string> };

export function authorizerFor(caller: Caller): Record<string, unknown> | undefined {
  if (caller === 'anonymous') return undefined;
  if (caller === 'machine')
    return { iam: { accountId: '111122223333', userArn: 'arn:aws:iam::111122223333:role/crm' } };
  if (caller === 'supervisor')
    return { jwt: { claims: { sub: 'sub-sup-1', username: 'sup-1', 'cognito:groups': '[supervisors]' }, scopes: [] } };
  if ('claims' in caller) return { jwt: { claims: caller.claims, scopes: [] } };
  return {
    jwt: { claims: { sub: `sub-${caller.rep}`, username: caller.rep, 'cognito:groups': '[reps]' }, scopes: [] },
  };
}

/** Who a route is normally called by: integrations for submissions, supervisors for queue reads, else the rep named. */
export function defaultCaller(routeKey: string, params: Record<string, string>, body: unknown): Caller {
  if (routeKey === 'POST /work' || routeKey === 'POST /callbacks') return 'machine';
  if (routeKey.startsWith('GET /queues/') || routeKey.includes(' /supervisor/')) return 'supervisor';
  const named = params.repId ?? (body as { repId?: unknown } | undefined)?.repId;
  return { rep: typeof named === 'string' ? named : 'rep-a' };
}

/** An HTTP API (payload 2.0) event for a route, as the given caller (by default, the one the route expects). */
export function httpRequest(
  routeKey: string,
  params: Record<string, string> = {},
  body?: unknown,
  query?: Record<string, string>,
  caller: Caller = defaultCaller(routeKey, params, body),
): APIGatewayProxyEventV2 {
  const [method, path] = routeKey.split(' ') as [string, string];
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    pathParameters: params,
    queryStringParameters: query,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    requestContext: { http: { method, path }, authorizer: authorizerFor(caller) } as never,
  };
}
