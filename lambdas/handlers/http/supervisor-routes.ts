import { decisionResponse, json } from './responses';
import { type RouteSpec, route } from './route-spec';
import * as s from './schemas';

/**
 * Supervisor actions (semantics §11): the supervisors group at the edge, then the use case checks the supervisor
 * is configured and supervises the rep's group or the item's queue; every change records who acted.
 */
export const supervisorRoutes: Record<string, RouteSpec> = {
  'GET /supervisor/command-center': route({
    summary: 'The Command Center: live queues (with 15/30/60-minute and since-midnight figures) and reps',
    access: 'supervisor',
    ok: 200,
    run: async ({ router, supervisorId }) => json(200, await router.commandCenter(supervisorId)),
  }),
  'GET /supervisor/queues/{queueId}/backlog': route({
    summary: "A queue's waiting work in routing order, each item with why it is not routed right now",
    access: 'supervisor',
    query: s.backlogQuery,
    ok: 200,
    run: async ({ router, params, query, supervisorId }) =>
      json(200, await router.backlogPage({ queueId: params.queueId!, supervisorId, ...query })),
  }),
  'PUT /supervisor/reps/{repId}/status': route({
    summary: "Change a rep's status, or log them out (statusId null)",
    access: 'supervisor',
    body: s.supervisorStatusBody,
    ok: 200,
    run: async ({ router, params, body, supervisorId }) =>
      decisionResponse(
        (await router.setRepPresence({ supervisorId, repId: params.repId!, statusId: body.statusId })).decision,
      ),
  }),
  'POST /supervisor/items/{itemId}/assign': route({
    summary: 'Offer a waiting item to a rep, without the decline option',
    access: 'supervisor',
    body: s.assignBody,
    ok: 200,
    run: async ({ router, params, body, supervisorId }) =>
      decisionResponse((await router.assignWork({ supervisorId, itemId: params.itemId!, repId: body.repId })).decision),
  }),
  'POST /supervisor/items/{itemId}/move': route({
    summary: 'Move a waiting item to another queue of its channel',
    access: 'supervisor',
    body: s.moveBody,
    ok: 200,
    run: async ({ router, params, body, supervisorId }) =>
      decisionResponse(
        (await router.moveWork({ supervisorId, itemId: params.itemId!, queueId: body.queueId })).decision,
      ),
  }),
  'PUT /supervisor/items/{itemId}/priority': route({
    summary: "Change a waiting item's priority (1 is first)",
    access: 'supervisor',
    body: s.priorityBody,
    ok: 200,
    run: async ({ router, params, body, supervisorId }) =>
      decisionResponse(
        (await router.reprioritizeWork({ supervisorId, itemId: params.itemId!, priority: body.priority })).decision,
      ),
  }),
};
