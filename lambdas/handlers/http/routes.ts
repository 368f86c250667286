import { NotFoundError } from '../../domain/errors';
import { callbackRequestSchema } from '../../domain/use-cases/callbacks';
import { parseSubmission, submitWorkSchema } from '../../domain/use-cases/submission';
import { decisionResponse, json } from './responses';
import { type RouteSpec, route } from './route-spec';
import * as s from './schemas';
import { supervisorRoutes } from './supervisor-routes';

/**
 * The HTTP API. People sign in (JWT: reps act only as themselves and on their own items, supervisors by group);
 * integrations that submit work or callbacks sign with IAM. lib/constructs/router-api.ts authorizes each route
 * as its `access` says, and docs/openapi.json is generated from this table.
 */
export const routes: Record<string, RouteSpec> = {
  'POST /work': route({
    summary: 'Submit digital work (chat, messaging, email, case) for routing',
    access: 'machine',
    body: submitWorkSchema,
    ok: 201,
    run: async ({ router, body }) => decisionResponse((await router.submitWork(parseSubmission(body))).decision, 201),
  }),
  'POST /callbacks': route({
    summary: 'Request a callback for a customer',
    access: 'machine',
    body: callbackRequestSchema,
    ok: 201,
    run: async ({ router, body }) => decisionResponse((await router.requestCallback(body)).decision, 201),
  }),
  'POST /reps/{repId}/login': route({
    summary: 'Log in (starts a presence session)',
    access: 'rep',
    body: s.loginBody,
    ok: 200,
    run: async ({ router, repId, body }) => decisionResponse((await router.logIn({ repId, ...body })).decision),
  }),
  'POST /reps/{repId}/logout': route({
    summary: 'Log out (withdraws outstanding offers)',
    access: 'rep',
    ok: 200,
    run: async ({ router, repId }) => decisionResponse((await router.logOut({ repId })).decision),
  }),
  'PUT /reps/{repId}/status': route({
    summary: 'Change presence status',
    access: 'rep',
    body: s.statusBody,
    ok: 200,
    run: async ({ router, repId, body }) => decisionResponse((await router.changeStatus({ repId, ...body })).decision),
  }),
  'POST /reps/{repId}/outbound': route({
    summary: 'Reserve capacity for an outbound call the rep places',
    access: 'rep',
    body: s.outboundBody,
    ok: 201,
    run: async ({ router, repId, body }) =>
      decisionResponse((await router.reserveOutbound({ repId, ...body })).decision, 201),
  }),
  'GET /reps/{repId}': route({
    summary: "A rep's presence, capacity and held work",
    access: 'repOrSupervisor',
    ok: 200,
    run: async ({ router, repId }) => json(200, await router.repView(repId)),
  }),
  'GET /reps/{repId}/transfer-destinations': route({
    summary: "The rep's transfer destinations, searchable and paged",
    access: 'rep',
    query: s.destinationQuery,
    ok: 200,
    run: async ({ router, repId, query }) => json(200, await router.transferDestinations(repId, query)),
  }),
  'GET /queues/{queueId}/waiting': route({
    summary: "A queue's waiting work in routing order",
    access: 'supervisor',
    query: s.waitingQuery,
    ok: 200,
    run: async ({ router, params, query }) =>
      json(200, await router.waitingPage({ queueId: params.queueId!, ...query })),
  }),
  ...itemRoutes(),
  ...supervisorRoutes,
};

function itemRoutes(): Record<string, RouteSpec> {
  const item = <B extends { repId?: string }>(spec: Omit<RouteSpec<B>, 'access' | 'onHeldItem' | 'ok'>) =>
    route<B>({ ...spec, ok: 200, access: 'rep', onHeldItem: true });
  return {
    'POST /items/{itemId}/accept': item({
      repAction: 'accept',
      summary: 'Accept the offer',
      body: s.repOnly,
      run: async ({ router, params, repId }) =>
        decisionResponse((await router.accept({ itemId: params.itemId!, repId })).decision),
    }),
    'POST /items/{itemId}/decline': item({
      repAction: 'decline',
      summary: 'Decline the offer, with a reason where the presence configuration asks for one',
      body: s.declineBody,
      run: async ({ router, params, repId, body }) =>
        decisionResponse((await router.decline({ itemId: params.itemId!, repId, reason: body.reason })).decision),
    }),
    'POST /items/{itemId}/complete': item({
      repAction: 'complete',
      summary: 'Complete the work (wrap-up follows where configured)',
      body: s.repOnly,
      run: async ({ router, params, repId }) =>
        decisionResponse((await router.complete({ itemId: params.itemId!, repId })).decision),
    }),
    'POST /items/{itemId}/end-wrap-up': item({
      repAction: 'endWrapUp',
      summary: 'End wrap-up early',
      body: s.repOnly,
      run: async ({ router, params, repId }) =>
        decisionResponse((await router.endWrapUp({ itemId: params.itemId!, repId })).decision),
    }),
    'POST /items/{itemId}/transfer': item({
      summary: 'Transfer the work to a rep, queue or routing flow',
      body: s.transferBody,
      run: async ({ router, params, repId, body }) => {
        const { decision } = await router.transfer({ itemId: params.itemId!, repId, to: body.to });
        return decision.kind === 'pending' ? json(202, decision) : decisionResponse(decision);
      },
    }),
    'POST /items/{itemId}/dial-outcome': item({
      repAction: 'reportDialOutcome',
      summary: "Report a callback dial's outcome",
      body: s.dialOutcomeBody,
      run: async ({ router, params, repId, body }) =>
        decisionResponse((await router.recordDialOutcome({ itemId: params.itemId!, ...body, repId })).decision),
    }),
  };
}

export function notFound(routeKey: string): never {
  throw new NotFoundError('route', `no route ${routeKey}`);
}
