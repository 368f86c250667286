import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RoutingEvent } from '../../lambdas/domain/routing/events';
import { makeHandler } from '../../lambdas/handlers/http-api';
import { transferCenter } from '../fixtures/transfer-center';
import { type Harness, makeHarness } from '../support/harness';
import { type Caller, httpRequest } from '../support/http-request';
import { lambdaContext } from '../support/lambda-context';

const context = lambdaContext('api', 10000);
const sup = (username: string): Caller => ({
  claims: { sub: `sub-${username}`, username, 'cognito:groups': '[supervisors]' },
});

describe('supervisor actions (semantics §11): by group, each recording who acted', () => {
  let h: Harness;
  let call: (
    routeKey: string,
    params: Record<string, string>,
    body: unknown,
    caller?: Caller,
    query?: Record<string, string>,
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
  const audit = (type: string) => h.events.events.filter((e: RoutingEvent) => e.type === type);

  beforeEach(async () => {
    h = await makeHarness(transferCenter());
    const handler = makeHandler(() => h.router);
    call = async (routeKey, params, body, caller = sup('sup-1'), query = undefined) => {
      const res = (await handler(
        httpRequest(routeKey, params, body, query, caller),
        context,
      )) as APIGatewayProxyStructuredResultV2;
      return { status: res.statusCode!, body: JSON.parse(res.body!) };
    };
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
  });

  /** Spanish 9 only rep-c has, and rep-c is logged out: the chat waits though rep-a is free. */
  const waitingChat = async (source: string) => {
    const { decision } = await h.router.submitWork({
      channel: 'chat',
      source,
      queue: 'chat-q',
      skills: [{ skill: 'spanish', minLevel: 9 }],
    });
    expect(decision.routing?.kind).toBe('waiting');
    return decision.itemId;
  };

  it("changes a rep's status and logs a rep out, naming the supervisor in the event", async () => {
    expect(await call('PUT /supervisor/reps/{repId}/status', { repId: 'rep-a' }, { statusId: 'busy' })).toMatchObject({
      status: 200,
      body: { kind: 'statusChanged', statusId: 'busy' },
    });
    expect(await call('PUT /supervisor/reps/{repId}/status', { repId: 'rep-a' }, { statusId: null })).toMatchObject({
      status: 200,
      body: { kind: 'loggedOut' },
    });
    expect(audit('rep.presenceChanged').slice(-2)).toEqual([
      expect.objectContaining({ repId: 'rep-a', statusId: 'busy', by: 'sup-1' }),
      expect.objectContaining({ repId: 'rep-a', loggedIn: false, by: 'sup-1' }),
    ]);
    expect((await h.store.getRep('rep-a'))?.sessionId).toBeUndefined();
  });

  it('assigns a waiting item to a rep as an offer without decline', async () => {
    const itemId = await waitingChat('web-1');
    const res = await call('POST /supervisor/items/{itemId}/assign', { itemId }, { repId: 'rep-a' });
    expect(res).toMatchObject({ status: 200, body: { kind: 'assigned', itemId, repId: 'rep-a' } });
    expect(await h.store.getItem(itemId)).toMatchObject({
      state: 'Offered',
      reservation: { repId: 'rep-a', declinable: false },
    });
    expect(audit('supervisor.acted')).toEqual([
      expect.objectContaining({ action: 'assign', itemId, repId: 'rep-a', by: 'sup-1' }),
    ]);
    // It is no longer waiting: a second assignment is a conflict and changes nothing.
    expect(await call('POST /supervisor/items/{itemId}/assign', { itemId }, { repId: 'rep-b' })).toMatchObject({
      status: 409,
      body: { kind: 'stale', state: 'Offered' },
    });
  });

  it('refuses to assign to a rep who cannot take it now, and changes nothing', async () => {
    const itemId = await waitingChat('web-2');
    const before = await h.store.getItem(itemId);
    expect(await call('POST /supervisor/items/{itemId}/assign', { itemId }, { repId: 'rep-b' })).toMatchObject({
      status: 409,
      body: { kind: 'repUnavailable', repId: 'rep-b', reason: 'loggedOut' },
    });
    expect(await h.store.getItem(itemId)).toEqual(before);
  });

  it('moves a waiting item to another queue of its channel, where it is routed', async () => {
    const itemId = await waitingChat('web-3');
    expect(await call('POST /supervisor/items/{itemId}/move', { itemId }, { queueId: 'chat-2' })).toMatchObject({
      status: 200,
      body: { kind: 'moved', queueId: 'chat-2' },
    });
    expect(await h.store.getItem(itemId)).toMatchObject({ queueId: 'chat-2', state: 'Offered' });
    expect(audit('supervisor.acted')).toEqual([
      expect.objectContaining({ action: 'move', fromQueue: 'chat-q', toQueue: 'chat-2', by: 'sup-1' }),
    ]);
  });

  it("changes a waiting item's priority", async () => {
    const itemId = await waitingChat('web-4');
    expect(await call('PUT /supervisor/items/{itemId}/priority', { itemId }, { priority: 1 })).toMatchObject({
      status: 200,
      body: { kind: 'reprioritized', priority: 1 },
    });
    expect((await h.store.getItem(itemId))?.priority).toBe(1);
    expect(audit('supervisor.acted')).toEqual([
      expect.objectContaining({ action: 'reprioritize', toPriority: 1, by: 'sup-1' }),
    ]);
  });

  it("shows the backlog with why each item waits, in the router's own terms", async () => {
    await h.router.logIn({ repId: 'rep-b', statusId: 'available' });
    await h.router.logIn({ repId: 'rep-d', statusId: 'available' });
    const skilled = await waitingChat('web-6');
    const res = await call('GET /supervisor/queues/{queueId}/backlog', { queueId: 'chat-q' }, undefined, sup('sup-1'), {
      routing: 'skills',
    });
    expect(res).toMatchObject({ status: 200 });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        itemId: skilled,
        skills: [{ skill: 'spanish', minLevel: 9 }],
        why: expect.objectContaining({
          considered: 3,
          eligible: 0,
          byReason: { missingSkill: 3 },
          summary: 'no eligible rep: 3 logged in, 3 lack spanish ≥ 9',
        }),
      }),
    ]);
    expect(
      await call('GET /supervisor/queues/{queueId}/backlog', { queueId: 'chat-q' }, undefined, { rep: 'rep-a' }),
    ).toMatchObject({ status: 403 });
  });

  it('says a declined item waits because the only free rep declined it this session', async () => {
    const { decision } = await h.router.submitWork({ channel: 'chat', source: 'web-7', queue: 'chat-q' });
    await h.router.decline({ itemId: decision.itemId, reason: 'Not my area' });
    const res = await call('GET /supervisor/queues/{queueId}/backlog', { queueId: 'chat-q' }, undefined);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        itemId: decision.itemId,
        why: expect.objectContaining({ summary: 'no eligible rep: 1 logged in, 1 declined it this session' }),
      }),
    ]);
  });

  it('lets a supervisor act only within their groups, and no rep act as a supervisor', async () => {
    const itemId = await waitingChat('web-5');
    const before = await h.store.getItem(itemId);
    const other = await call(
      'PUT /supervisor/reps/{repId}/status',
      { repId: 'rep-a' },
      { statusId: 'busy' },
      sup('sup-2'),
    );
    expect(other).toMatchObject({ status: 403, body: { reason: expect.stringContaining("rep-a's group g1") } });
    expect(
      await call('POST /supervisor/items/{itemId}/assign', { itemId }, { repId: 'rep-a' }, { rep: 'rep-a' }),
    ).toMatchObject({ status: 403 });
    expect(
      await call('POST /supervisor/items/{itemId}/move', { itemId }, { queueId: 'chat-2' }, sup('sup-9')),
    ).toMatchObject({ status: 403, body: { reason: "'sup-9' is not a supervisor of this contact center" } });
    expect(await h.store.getItem(itemId)).toEqual(before);
    expect((await h.store.getRep('rep-a'))?.statusId).toBe('available');
  });
});
