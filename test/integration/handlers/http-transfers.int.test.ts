import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { makeHandler } from '../../../lambdas/handlers/http-api';
import { transferCenter } from '../../fixtures/transfer-center';
import { type Harness, makeHarness } from '../../support/harness';
import { httpRequest } from '../../support/http-request';
import { lambdaContext } from '../../support/lambda-context';

const context = lambdaContext('api', 10000);
const request = httpRequest;

async function api(center: unknown) {
  const h = await makeHarness(center);
  const handler = makeHandler(() => h.router);
  const call = async (e: APIGatewayProxyEventV2) => {
    const res = (await handler(e, context)) as APIGatewayProxyStructuredResultV2;
    return { status: res.statusCode!, body: JSON.parse(res.body!) };
  };
  return { h, call };
}

/** A center far past Connect's 2,000 quick connects: 2,500 reps in one group. */
function bigCenter() {
  const base = transferCenter();
  const extra = Array.from({ length: 2_500 }, (_, i) => ({
    id: `agent-${String(i).padStart(4, '0')}`,
    name: `Agent ${i}`,
    group: 'g1',
    queues: ['chat-q'],
    skills: {},
  }));
  return { ...base, reps: [...base.reps, ...extra] };
}

describe('HTTP API: transfers, destination lists, callbacks (semantics §9)', () => {
  let t: { h: Harness; call: Awaited<ReturnType<typeof api>>['call'] };
  beforeAll(async () => {
    t = await api(transferCenter());
  });

  it('transfers assigned work, and answers 202 for a call that moves when Connect moves it', async () => {
    await t.h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const chat = (await t.h.router.submitWork({ channel: 'chat', source: 'web-1', queue: 'chat-q' })).decision.itemId;
    await t.h.router.accept({ itemId: chat });
    const moved = await t.call(
      request(
        'POST /items/{itemId}/transfer',
        { itemId: chat },
        { repId: 'rep-a', to: { kind: 'queue', queueId: 'chat-2' } },
      ),
    );
    expect(moved).toMatchObject({ status: 200, body: { kind: 'transferred', to: { kind: 'queue', id: 'chat-2' } } });
    expect(
      (
        await t.call(
          request(
            'POST /items/{itemId}/transfer',
            { itemId: chat },
            { repId: 'rep-a', to: { kind: 'queue', queueId: 'chat-2' } },
          ),
        )
      ).status,
    ).toBe(409);
    await t.h.router.logIn({ repId: 'rep-b', statusId: 'available' });
    const call = (await t.h.router.submitWork({ channel: 'voice', source: 'c-1', queue: 'voice-q' })).decision;
    expect(call.routing).toMatchObject({ kind: 'offered', repId: 'rep-b' });
    await t.h.router.accept({ itemId: call.itemId });
    const pending = await t.call(
      request(
        'POST /items/{itemId}/transfer',
        { itemId: call.itemId },
        { repId: 'rep-b', to: { kind: 'queue', queueId: 'voice-q' } },
      ),
    );
    expect(pending).toMatchObject({ status: 202, body: { kind: 'pending' } });
    const forbidden = await t.call(
      request(
        'POST /items/{itemId}/transfer',
        { itemId: chat },
        { repId: 'rep-a', to: { kind: 'queue', queueId: 'warp' } },
      ),
    );
    expect(forbidden).toMatchObject({ status: 404, body: { field: 'to.queueId' } });
  });

  it('lists only the destinations a rep may use, searchable', async () => {
    const mine = await t.call(request('GET /reps/{repId}/transfer-destinations', { repId: 'rep-d' }));
    expect(mine.body).toEqual({
      total: 2,
      items: [
        { kind: 'queue', id: 'chat-q', name: 'chat-q', detail: 'chat' },
        { kind: 'rep', id: 'rep-a', name: 'rep-a', detail: 'g1' },
      ],
    });
    const search = await t.call(
      request('GET /reps/{repId}/transfer-destinations', { repId: 'rep-a' }, undefined, { search: 'BILLING' }),
    );
    expect(search.body.items).toEqual([{ kind: 'queue', id: 'chat-2', name: 'Chat – billing', detail: 'chat' }]);
    const flows = await t.call(
      request('GET /reps/{repId}/transfer-destinations', { repId: 'rep-a' }, undefined, { kind: 'routingFlow' }),
    );
    // Sorted by name: the description 'Queue from…' before 'vip'.
    expect(flows.body.items.map((d: { id: string }) => d.id)).toEqual(['attribute-queue', 'vip']);
    expect(
      (
        await t.call(
          request('GET /reps/{repId}/transfer-destinations', { repId: 'rep-a' }, undefined, { cursor: 'forged' }),
        )
      ).body,
    ).toMatchObject({ field: 'cursor' });
  });

  it('pages through more than 2,000 destinations, each exactly once', async () => {
    const big = await api(bigCenter());
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await big.call(
        request('GET /reps/{repId}/transfer-destinations', { repId: 'rep-a' }, undefined, {
          kind: 'rep',
          limit: '200',
          ...(cursor ? { cursor } : {}),
        }),
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((d: { id: string }) => d.id));
      cursor = page.body.cursor;
      pages++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(2_500 + 3);
    expect(pages).toBe(13);
  });

  it('takes callback requests and dial outcomes', async () => {
    const made = await t.call(
      request(
        'POST /callbacks',
        {},
        { source: 'crm-42', queue: 'callback-q', phoneNumber: '+15551234567', at: t.h.clock.now() + 60_000 },
      ),
    );
    expect(made).toMatchObject({ status: 201, body: { kind: 'scheduled' } });
    expect(
      await t.call(request('POST /callbacks', {}, { source: 'crm-43', queue: 'callback-q', phoneNumber: 'call me' })),
    ).toMatchObject({ status: 400, body: { field: 'phoneNumber' } });
    const wrongRep = await t.call(
      request(
        'POST /items/{itemId}/dial-outcome',
        { itemId: made.body.itemId },
        { repId: 'rep-b', outcome: 'answered' },
      ),
    );
    expect(wrongRep).toMatchObject({
      status: 403,
      body: { error: 'forbidden', reason: expect.stringContaining('rep-b') },
    });
  });
});
