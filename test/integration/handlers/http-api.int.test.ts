import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { makeHandler } from '../../../lambdas/handlers/http-api';
import { smallCenter } from '../../fixtures/small-center';
import { transientError } from '../../support/faults';
import { type Harness, makeHarness } from '../../support/harness';
import { httpRequest } from '../../support/http-request';
import { lambdaContext } from '../../support/lambda-context';

const context = lambdaContext('api', 10000);

const request = httpRequest;

describe('HTTP API (rep commands, supervisor reads)', () => {
  let h: Harness;
  let call: (e: APIGatewayProxyEventV2) => Promise<{ status: number; body: Record<string, unknown> }>;
  beforeEach(async () => {
    h = await makeHarness(smallCenter());
    const handler = makeHandler(() => h.router);
    call = async (e) => {
      const res = (await handler(e, context)) as APIGatewayProxyStructuredResultV2;
      return { status: res.statusCode!, body: JSON.parse(res.body!) };
    };
  });

  it("runs a rep's day: log in, receive work, accept, complete, read state, log out", async () => {
    expect(
      (await call(request('POST /reps/{repId}/login', { repId: 'rep-a' }, { statusId: 'digital' }))).body,
    ).toMatchObject({ kind: 'loggedIn' });
    const submitted = await call(request('POST /work', {}, { channel: 'chat', source: 'web-1', queue: 'chat-q' }));
    expect(submitted).toMatchObject({
      status: 201,
      body: { kind: 'submitted', routing: { kind: 'offered', repId: 'rep-a' } },
    });
    const itemId = submitted.body.itemId as string;
    expect((await call(request('POST /items/{itemId}/accept', { itemId }, { repId: 'rep-a' }))).body).toMatchObject({
      kind: 'accepted',
    });
    const state = await call(request('GET /reps/{repId}', { repId: 'rep-a' }));
    expect(state.body).toMatchObject({ rep: { used: { primary: 50 } }, items: [{ id: itemId, state: 'Assigned' }] });
    expect((await call(request('POST /items/{itemId}/complete', { itemId }, { repId: 'rep-a' }))).body).toMatchObject({
      kind: 'completed',
    });
    expect((await call(request('POST /reps/{repId}/logout', { repId: 'rep-a' }))).body).toMatchObject({
      kind: 'loggedOut',
    });
  });

  it('declines with a reason, and shows the waiting list of a queue a page at a time', async () => {
    await call(request('POST /reps/{repId}/login', { repId: 'rep-a' }));
    const first = (await call(request('POST /work', {}, { channel: 'chat', source: 'w1', queue: 'chat-q' }))).body
      .itemId as string;
    expect(
      (await call(request('POST /items/{itemId}/decline', { itemId: first }, { repId: 'rep-a', reason: 'Other' })))
        .body,
    ).toMatchObject({ kind: 'declined' });
    await call(request('POST /work', {}, { channel: 'chat', source: 'w2', queue: 'chat-q' }));
    await call(request('POST /work', {}, { channel: 'chat', source: 'w3', queue: 'chat-q' }));
    const page = await call(request('GET /queues/{queueId}/waiting', { queueId: 'chat-q' }, undefined, { limit: '1' }));
    expect(page.status).toBe(200);
    expect((page.body.items as unknown[]).length).toBe(1);
    expect(page.body.cursor).toEqual(expect.any(String));
  });

  it('refuses to accept, decline or complete a call over HTTP: Connect decides, and nothing changes', async () => {
    await call(request('POST /reps/{repId}/login', { repId: 'rep-a' }));
    const offered = await h.router.submitWork({ channel: 'voice', source: 'contact-1', queue: 'voice-q' });
    const itemId = offered.decision.itemId;
    const before = await h.snapshot();
    for (const action of ['accept', 'decline', 'complete', 'end-wrap-up', 'dial-outcome']) {
      const body = action === 'dial-outcome' ? { repId: 'rep-a', outcome: 'noAnswer' } : { repId: 'rep-a' };
      const res = await call(request(`POST /items/{itemId}/${action}`, { itemId }, body));
      expect(res).toMatchObject({ status: 409, body: { kind: 'decidedByConnect', itemId } });
      expect(res.body.reason).toMatch(/Amazon Connect decides .*softphone/);
    }
    expect((await h.snapshot()).rows).toEqual(before.rows);
  });

  it('answers a stale command with 409 and changes nothing', async () => {
    await call(request('POST /reps/{repId}/login', { repId: 'rep-a' }));
    const itemId = (await call(request('POST /work', {}, { channel: 'chat', source: 'w1', queue: 'chat-q' }))).body
      .itemId as string;
    const before = await h.snapshot();
    expect(await call(request('POST /items/{itemId}/complete', { itemId }, { repId: 'rep-a' }))).toMatchObject({
      status: 409,
      body: { kind: 'stale', state: 'Offered' },
    });
    expect((await h.snapshot()).rows).toEqual(before.rows);
  });

  it.each([
    ['malformed JSON', request('POST /work', {}, '{"channel": '), 400, 'body'],
    ['a missing field', request('PUT /reps/{repId}/status', { repId: 'rep-a' }, {}), 400, 'statusId'],
    ['a wrong type', request('POST /items/{itemId}/accept', { itemId: 'x' }, { repId: 7 }), 400, 'repId'],
    [
      'an unknown field',
      request('POST /reps/{repId}/login', { repId: 'rep-a' }, { statusId: 'digital', admin: true }),
      400,
      'admin',
    ],
    ['an unknown rep', request('POST /reps/{repId}/login', { repId: 'ghost' }), 404, 'repId'],
    ['an unknown item', request('POST /items/{itemId}/accept', { itemId: 'nope' }, { repId: 'rep-a' }), 404, 'itemId'],
    ['an unknown queue', request('GET /queues/{queueId}/waiting', { queueId: 'nope' }), 404, 'queueId'],
    [
      'a bad page size',
      request('GET /queues/{queueId}/waiting', { queueId: 'chat-q' }, undefined, { limit: '-3' }),
      400,
      'limit',
    ],
    [
      'an oversize body',
      request(
        'POST /work',
        {},
        JSON.stringify({ channel: 'chat', source: 's', queue: 'chat-q', attributes: { big: 'x'.repeat(70_000) } }),
      ),
      400,
      'body',
    ],
    ['an injection string as id', request('POST /reps/{repId}/login', { repId: "rep-a' OR 1=1 --" }), 404, 'repId'],
    ['an unknown route', request('DELETE /everything'), 404, 'route'],
  ])('rejects %s with a clear error naming the field, changing nothing', async (_name, event, status, field) => {
    const before = await h.snapshot();
    const res = await call(event);
    expect(res.status).toBe(status);
    expect(res.body.field).toBe(field);
    expect((await h.snapshot()).rows).toEqual(before.rows);
  });

  it('a store that keeps throttling is 503 "busy, retry", not a bad cursor, and the cursor is still checked', async () => {
    const throttled = await makeHarness(smallCenter(), {
      ports: (deps) => ({
        ...deps,
        store: Object.assign(Object.create(deps.store), {
          waitingItems: async () => {
            throw transientError('throttle');
          },
        }),
      }),
    });
    const handler = makeHandler(() => throttled.router);
    const res = (await handler(
      request('GET /queues/{queueId}/waiting', { queueId: 'chat-q' }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect({ status: res.statusCode, body: JSON.parse(res.body!) }).toEqual({
      status: 503,
      body: { error: 'busy, retry' },
    });
    const bad = await call(request('GET /queues/{queueId}/waiting', { queueId: 'chat-q' }, undefined, { cursor: 'x' }));
    expect(bad).toMatchObject({ status: 400, body: { field: 'cursor' } });
  });
});
