import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { InvalidInputError } from '../domain/errors';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { entryPoint } from '../shared/entry-point';
import {
  type AuthorizerContext,
  type IdentitySettings,
  identityFromEnvironment,
  principalOf,
} from '../shared/identity';
import { logger } from '../shared/powertools';
import { modelFromEnvironment } from '../shared/s3-ports';
import { errorResponse, json } from './http/responses';
import { runRoute } from './http/route-spec';
import { notFound, routes } from './http/routes';

/** Requests above this are refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024;

function body(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new InvalidInputError('body', `larger than ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError('body', 'is not valid JSON');
  }
}

/**
 * Rep commands, supervisor reads and integrations' submissions over API Gateway HTTP API. API Gateway verified the
 * token (JWT routes) or the signature (IAM routes); the caller is taken from its request context.
 */
export const makeHandler = (router: () => Router, identity: () => IdentitySettings = identityFromEnvironment) =>
  entryPoint(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    try {
      const spec = routes[event.routeKey] ?? notFound(event.routeKey);
      const authorizer = (event.requestContext as { authorizer?: AuthorizerContext }).authorizer;
      return await runRoute(event.routeKey, spec, router(), {
        params: event.pathParameters ?? {},
        query: event.queryStringParameters ?? {},
        body: body(event),
        who: principalOf(authorizer, identity()),
      });
    } catch (err) {
      const known = errorResponse(err);
      if (known) return known;
      logger.error('request failed', { routeKey: event.routeKey, error: err as Error });
      return json(500, { error: 'internal error' });
    }
  });

export const handler = makeHandler(() => routerFromEnvironment({ commandCenter: modelFromEnvironment }));
