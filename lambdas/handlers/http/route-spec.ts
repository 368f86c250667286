import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  type Access,
  admit,
  assertHolds,
  decidedByConnect,
  type Principal,
  type RepItemAction,
} from '../../domain/access/principal';
import { InvalidInputError } from '../../domain/errors';
import { invalidInput } from '../../domain/input-problems';
import type { Router } from '../../domain/use-cases/router';
import type * as z from '../../domain/zod';
import { json } from './responses';
import { idSchema } from './schemas';

export interface HttpRequest {
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly who: Principal;
}

/** What a route's use case gets: the router, validated input and the rep it acts as (rep routes). */
export interface RouteInput<B, Q> {
  readonly router: Router;
  readonly params: Readonly<Record<string, string>>;
  readonly body: B;
  readonly query: Q;
  /** The signed-in rep on rep routes; on others, the rep the path names, if any. */
  readonly repId: string;
  /** The signed-in supervisor, on supervisor routes. */
  readonly supervisorId?: string;
}

/**
 * One HTTP route: who may call it, the zod schemas that validate it (the OpenAPI document is generated from the
 * same ones, scripts/generate-openapi.ts), and its one use case.
 */
export interface RouteSpec<B = unknown, Q = unknown> {
  readonly summary: string;
  readonly access: Access;
  /** Rep routes on an item: the signed-in rep must hold or be offered it. */
  readonly onHeldItem?: boolean;
  /** A rep's command on an item that Amazon Connect decides for calls: refused (409, naming Connect) for those. */
  readonly repAction?: RepItemAction;
  readonly body?: z.ZodMiniType<B>;
  readonly query?: z.ZodMiniType<Q>;
  /** Status of success; 409 for decisions that mean "no longer applies". */
  readonly ok: number;
  run(input: RouteInput<B, Q>): Promise<APIGatewayProxyResultV2>;
}

export const route = <B = unknown, Q = unknown>(spec: RouteSpec<B, Q>): RouteSpec => spec as RouteSpec;

const parse = <T>(schema: z.ZodMiniType<T> | undefined, value: unknown): T => {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw invalidInput(r.error);
  return r.data;
};

const pathParams = (routeKey: string, req: HttpRequest): Record<string, string> => {
  const names = [...routeKey.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return Object.fromEntries(
    names.map((name) => {
      const r = idSchema.safeParse(req.params[name]);
      if (!r.success) throw new InvalidInputError(name, 'must be 1 to 64 characters');
      return [name, r.data];
    }),
  );
};

/**
 * Validates, then admits: input is checked first so a bad request gets the field named, then the principal
 * (401 without a token, 403 naming why), then, for item commands, that the rep holds or is offered the item.
 */
export async function runRoute(routeKey: string, spec: RouteSpec, router: Router, req: HttpRequest) {
  const params = pathParams(routeKey, req);
  const body = parse(spec.body, req.body) as { repId?: string } | undefined;
  const query = parse(spec.query, req.query);
  const named = params.repId ?? body?.repId;
  admit(req.who, spec.access, named);
  const repId = req.who.kind === 'person' && spec.access !== 'supervisor' ? (named ?? req.who.repId) : named;
  if (spec.onHeldItem && params.itemId) {
    const { holder, item } = await router.heldItemAccess(params.itemId);
    assertHolds(repId!, holder, params.itemId);
    const connect = spec.repAction && decidedByConnect(item, spec.repAction);
    if (connect) return json(409, { kind: 'decidedByConnect', itemId: params.itemId, reason: connect });
  }
  const supervisorId = req.who.kind === 'person' ? req.who.supervisorId : undefined;
  return spec.run({ router, params, body, query, repId: repId ?? '', supervisorId });
}
