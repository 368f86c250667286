import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { InvalidInputError } from '../domain/errors';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { entryPoint } from '../shared/entry-point';
import { logger } from '../shared/powertools';
import { errorResponse, json } from './http/responses';
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

/** Rep commands and supervisor reads over API Gateway HTTP API: one use case per route, clear 4xx on bad input. */
export const makeHandler = (router: () => Router) =>
  entryPoint(async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    try {
      const route = routes[event.routeKey] ?? notFound(event.routeKey);
      return await route(router(), {
        params: event.pathParameters ?? {},
        query: event.queryStringParameters ?? {},
        body: body(event),
      });
    } catch (err) {
      const known = errorResponse(err);
      if (known) return known;
      logger.error('request failed', { routeKey: event.routeKey, error: err as Error });
      return json(500, { error: 'internal error' });
    }
  });

export const handler = makeHandler(routerFromEnvironment);
