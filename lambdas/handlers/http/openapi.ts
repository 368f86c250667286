import * as z from '../../domain/zod';
import type { RouteSpec } from './route-spec';
import { routes } from './routes';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodMiniType): Json => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
};

const errorSchema: Json = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    field: { type: 'string', description: 'The field at fault (400, 404) or `authorization` (401).' },
    reason: { type: 'string', description: 'Why the call was forbidden (403).' },
    problems: { type: 'array', items: { type: 'string' } },
  },
  required: ['error'],
};

const errors = (spec: RouteSpec): Json => ({
  '400': { $ref: '#/components/responses/BadInput' },
  ...(spec.access === 'machine' ? {} : { '401': { $ref: '#/components/responses/Unauthenticated' } }),
  '403': { $ref: '#/components/responses/Forbidden' },
  '404': { $ref: '#/components/responses/NotFound' },
  ...(spec.ok === 200 && spec.body ? { '409': { $ref: '#/components/responses/Conflict' } } : {}),
  '503': { $ref: '#/components/responses/Busy' },
});

function operation(key: string, spec: RouteSpec): Json {
  const path = key.split(' ')[1]!;
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 64 },
  }));
  const query = spec.query ? jsonSchema(spec.query) : undefined;
  const queryParams = Object.entries((query?.properties ?? {}) as Record<string, Json>).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }));
  return {
    summary: spec.summary,
    operationId: key.replace(/[^A-Za-z]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    tags: [spec.access === 'machine' ? 'integrations' : spec.access === 'supervisor' ? 'supervisors' : 'reps'],
    security: [spec.access === 'machine' ? { sigv4: [] } : { bearer: [] }],
    'x-access': spec.access,
    parameters: [...pathParams, ...queryParams],
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } }
      : {}),
    responses: {
      [String(spec.ok)]: {
        description: 'The decision (or the read), as JSON',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
      ...errors(spec),
    },
  };
}

const response = (description: string): Json => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The HTTP API as OpenAPI 3.1, generated from the route table and the zod schemas that validate requests. */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const [key, spec] of Object.entries(routes)) {
    const [method, path] = key.split(' ') as [string, string];
    paths[path] = { ...paths[path], [method.toLowerCase()]: operation(key, spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'unified-routing HTTP API',
      version: '1',
      description:
        'Rep commands, supervisor reads and integrations. People send a bearer token (JWT from the Cognito user ' +
        'pool or the configured OIDC issuer): a rep acts only as themselves and on work offered to or held by ' +
        'them; supervisor routes need the supervisors group. Integrations sign with AWS SigV4 (IAM). ' +
        'Offers and changes are pushed over the WebSocket push channel (docs/push.md), not polled.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        sigv4: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'AWS Signature Version 4' },
      },
      schemas: { Error: errorSchema },
      responses: {
        BadInput: response('Bad input: `field` names what is wrong; nothing changed'),
        Unauthenticated: response('No valid token; nothing changed'),
        Forbidden: response('Not allowed for this caller: `reason` says why; nothing changed'),
        NotFound: response('An unknown id (route, rep, item, queue); nothing changed'),
        Conflict: response('The decision no longer applies (the offer moved on)'),
        Busy: response('Contention or throttling: retry later'),
      },
    },
  };
}
