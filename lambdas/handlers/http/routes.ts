import { z } from 'zod';
import { invalidInput } from '../../domain/config/validate-config';
import { InvalidInputError, NotFoundError } from '../../domain/errors';
import { dialOutcomeSchema } from '../../domain/use-cases/callback-dial';
import { callbackRequestSchema } from '../../domain/use-cases/callbacks';
import type { Router } from '../../domain/use-cases/router';
import { parseSubmission } from '../../domain/use-cases/submission';
import { transferInputSchema } from '../../domain/use-cases/transfer';
import { decisionResponse, json } from './responses';

export interface HttpRequest {
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

const id = z.string().min(1).max(64);
const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw invalidInput(r.error);
  return r.data;
};
const param = (req: HttpRequest, name: string): string => {
  const r = id.safeParse(req.params[name]);
  if (!r.success) throw new InvalidInputError(name, 'must be 1 to 64 characters');
  return r.data;
};
const repBody = z.object({ repId: id }).strict();
const destinationQuery = z
  .object({
    search: z.string().max(128).optional(),
    kind: z.enum(['queue', 'rep', 'routingFlow']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(64).optional(),
  })
  .strict();
const waitingQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2048).optional(),
    routing: z.enum(['queue', 'skills']).default('queue'),
  })
  .strict();

type Route = (router: Router, req: HttpRequest) => Promise<ReturnType<typeof json>>;

/** The HTTP API (IAM-authorized in the stack): rep desktops' commands and supervisor reads, through the Router. */
export const routes: Record<string, Route> = {
  'POST /work': async (r, req) => decisionResponse((await r.submitWork(parseSubmission(req.body))).decision, 201),
  'POST /reps/{repId}/login': async (r, req) =>
    decisionResponse(
      (
        await r.logIn({
          repId: param(req, 'repId'),
          ...parse(z.object({ statusId: id.optional() }).strict(), req.body),
        })
      ).decision,
    ),
  'POST /reps/{repId}/logout': async (r, req) =>
    decisionResponse((await r.logOut({ repId: param(req, 'repId') })).decision),
  'PUT /reps/{repId}/status': async (r, req) =>
    decisionResponse(
      (await r.changeStatus({ repId: param(req, 'repId'), ...parse(z.object({ statusId: id }).strict(), req.body) }))
        .decision,
    ),
  'POST /reps/{repId}/outbound': async (r, req) =>
    decisionResponse(
      (
        await r.reserveOutbound({
          repId: param(req, 'repId'),
          ...parse(z.object({ callId: z.string().min(1).max(256), queueId: id.optional() }).strict(), req.body),
        })
      ).decision,
      201,
    ),
  'POST /items/{itemId}/accept': async (r, req) =>
    decisionResponse((await r.accept({ itemId: param(req, 'itemId'), ...parse(repBody, req.body) })).decision),
  'POST /items/{itemId}/decline': async (r, req) =>
    decisionResponse(
      (
        await r.decline({
          itemId: param(req, 'itemId'),
          ...parse(z.object({ repId: id, reason: z.string().min(1).max(128).optional() }).strict(), req.body),
        })
      ).decision,
    ),
  'POST /items/{itemId}/complete': async (r, req) =>
    decisionResponse((await r.complete({ itemId: param(req, 'itemId'), ...parse(repBody, req.body) })).decision),
  'POST /items/{itemId}/end-wrap-up': async (r, req) =>
    decisionResponse((await r.endWrapUp({ itemId: param(req, 'itemId'), ...parse(repBody, req.body) })).decision),
  'POST /items/{itemId}/transfer': async (r, req) => {
    const body = parse(z.object({ repId: id, to: z.unknown() }).strict(), req.body);
    const input = parse(transferInputSchema, { itemId: param(req, 'itemId'), ...body });
    const { decision } = await r.transfer(input);
    return decision.kind === 'pending' ? json(202, decision) : decisionResponse(decision);
  },
  'GET /reps/{repId}/transfer-destinations': async (r, req) => {
    const q = parse(destinationQuery, req.query);
    return json(200, await r.transferDestinations(param(req, 'repId'), q));
  },
  'POST /callbacks': async (r, req) =>
    decisionResponse((await r.requestCallback(parse(callbackRequestSchema, req.body))).decision, 201),
  'POST /items/{itemId}/dial-outcome': async (r, req) => {
    const body = parse(
      z.object({ repId: id, outcome: z.string(), contactId: z.string().optional() }).strict(),
      req.body,
    );
    const input = parse(dialOutcomeSchema, { itemId: param(req, 'itemId'), ...body });
    return decisionResponse((await r.recordDialOutcome(input)).decision);
  },
  'GET /reps/{repId}': async (r, req) => json(200, await r.repView(param(req, 'repId'))),
  'GET /queues/{queueId}/waiting': async (r, req) => {
    const q = parse(waitingQuery, req.query);
    return json(200, await r.waitingPage({ queueId: param(req, 'queueId'), ...q }));
  },
};

export function notFound(routeKey: string): never {
  throw new NotFoundError('route', `no route ${routeKey}`);
}
