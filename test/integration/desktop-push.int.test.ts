import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ApiGatewayDesktopPush } from '../../lambdas/adapters/apigateway/desktop-push';
import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DesktopConnections } from '../../lambdas/adapters/dynamodb/desktop-connections';
import { LocalIdentityProvider } from '../../lambdas/adapters/local/identity-provider';
import type { DesktopMessage } from '../../lambdas/domain/routing/desktop-messages';
import { makeHandler as makeAuthorizer } from '../../lambdas/handlers/desktop-authorizer';
import { makeHandler as makeSocket, signedInCheck } from '../../lambdas/handlers/desktop-socket';
import { DEFAULT_IDENTITY } from '../../lambdas/shared/identity';
import { transferCenter } from '../fixtures/transfer-center';
import { endpoint, type Harness, makeHarness } from '../support/harness';
import { lambdaContext } from '../support/lambda-context';

/**
 * PostToConnection answers 200 with no body, and 410 GoneException for a connection that is no longer there
 * (API Gateway Management API reference, PostToConnection: Responses and Errors).
 */
const management = mockClient(ApiGatewayManagementApiClient);
const context = lambdaContext('push');

const sent = () =>
  management.commandCalls(PostToConnectionCommand).map((c) => ({
    to: c.args[0].input.ConnectionId,
    message: JSON.parse(new TextDecoder().decode(c.args[0].input.Data as Uint8Array)) as DesktopMessage,
  }));

describe('push to reps desktops (issue #14): from the outbox, each rep only their own', () => {
  let h: Harness;
  let connections: DesktopConnections;
  let pushFailures: string[];
  beforeEach(async () => {
    management.reset();
    management.on(PostToConnectionCommand).resolves({});
    let push: ApiGatewayDesktopPush | undefined;
    // The push adapter needs the harness's table; the router reaches it once both exist.
    const desktops = {
      send: (repId: string, m: DesktopMessage) => push!.send(repId, m),
      reportFailure: (error: unknown) => pushFailures.push((error as Error).message),
    };
    pushFailures = [];
    h = await makeHarness(transferCenter(), { delivery: 'outbox', ports: (p) => ({ ...p, desktops }) });
    connections = new DesktopConnections(documentClient(localClientConfig(endpoint())), h.table);
    push = new ApiGatewayDesktopPush(new ApiGatewayManagementApiClient({ region: 'eu-west-2' }), connections);
    await connections.add('rep-a', 'conn-a1', h.clock.now());
    await connections.add('rep-a', 'conn-a2', h.clock.now());
    await connections.add('rep-b', 'conn-b1', h.clock.now());
  });

  it('pushes the offer, with its deadline, to every open desktop of its rep, and to no one else', async () => {
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await h.drain();
    expect(sent().map((s) => [s.to, s.message.type, (s.message as { event?: { type: string } }).event?.type])).toEqual([
      ['conn-a1', 'event', 'rep.presenceChanged'],
      ['conn-a2', 'event', 'rep.presenceChanged'],
    ]);
    management.resetHistory();
    const { decision } = await h.router.submitWork({ channel: 'chat', source: 'web-1', queue: 'chat-q' });
    expect(sent()).toEqual([]); // nothing is pushed before the commit's outbox entry is delivered
    await h.drain();
    const pushed = sent();
    expect(pushed.map((s) => s.to).sort()).toEqual(['conn-a1', 'conn-a2']);
    expect(pushed[0]!.message).toMatchObject({
      type: 'event',
      event: { type: 'offer.created', itemId: decision.itemId, repId: 'rep-a', eventId: expect.any(String) },
      item: {
        id: decision.itemId,
        state: 'Offered',
        reservation: { repId: 'rep-a', expiresAt: h.clock.now() + 30_000 },
      },
    });
  });

  it('removes a connection API Gateway reports gone, and keeps pushing to the others', async () => {
    management
      .on(PostToConnectionCommand, { ConnectionId: 'conn-a2' })
      .rejects(new GoneException({ message: 'Gone', $metadata: { httpStatusCode: 410 } }));
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await h.drain();
    expect(await connections.list('rep-a')).toEqual(['conn-a1']);
    expect(sent().map((s) => s.to)).toEqual(['conn-a1', 'conn-a2']);
  });

  it('counts a push API Gateway refuses (429, 413, 5xx) and delivers the rest of the entry without it', async () => {
    management.on(PostToConnectionCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'LimitExceededException',
        $metadata: { httpStatusCode: 429 },
      }),
    );
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { decision } = await h.router.submitWork({ channel: 'chat', source: 'web-1', queue: 'chat-q' });
    await h.drain();
    // The offer's push timeout is queued and its events published; only the desktop missed it (until its sync).
    expect(h.timers.all()).toEqual([expect.objectContaining({ kind: 'pushTimeout', itemId: decision.itemId })]);
    expect(h.events.ofType('offer.created')).toHaveLength(1);
    expect(pushFailures.length).toBeGreaterThan(0);
    expect(new Set(pushFailures)).toEqual(new Set(['Rate exceeded']));
  });

  /** The socket handler as deployed, its syncs' tokens checked against `idp`. */
  const socketCheckedBy = (idp: LocalIdentityProvider) =>
    makeSocket(() => ({
      router: h.router,
      connections,
      push: new ApiGatewayDesktopPush(new ApiGatewayManagementApiClient({ region: 'eu-west-2' }), connections),
      now: () => h.clock.now(),
      stillSignedIn: signedInCheck({ verify: (t) => idp.verify(t) }, DEFAULT_IDENTITY),
    }));

  it('answers sync with the state; records and forgets connections; refuses one bound to no rep', async () => {
    const idp = new LocalIdentityProvider('https://issuer.test');
    const socket = socketCheckedBy(idp);
    const event = (routeKey: string, repId?: string, body?: unknown) =>
      ({
        requestContext: { routeKey, connectionId: 'conn-new', authorizer: repId ? { repId } : undefined },
        body: body === undefined ? undefined : JSON.stringify(body),
      }) as never;
    expect(await socket(event('$connect', 'rep-c'), context)).toEqual({ statusCode: 200 });
    expect(await connections.list('rep-c')).toEqual(['conn-new']);
    await h.router.logIn({ repId: 'rep-c', statusId: 'available' });
    const sync = { action: 'sync', token: idp.sign('rep-c', ['reps']) };
    expect(await socket(event('sync', 'rep-c', sync), context)).toEqual({ statusCode: 200 });
    expect(sent()).toEqual([
      {
        to: 'conn-new',
        message: {
          type: 'snapshot',
          at: h.clock.now(),
          view: expect.objectContaining({ rep: expect.objectContaining({ repId: 'rep-c', statusId: 'available' }) }),
        },
      },
    ]);
    expect(await socket(event('$disconnect', 'rep-c'), context)).toEqual({ statusCode: 200 });
    expect(await connections.list('rep-c')).toEqual([]);
    expect(await socket(event('$connect'), context)).toMatchObject({ statusCode: 403 });
  });

  it('closes a socket whose sync has no token still signing its rep in (expired, another, none)', async () => {
    const idp = new LocalIdentityProvider('https://issuer.test');
    management.on(DeleteConnectionCommand).resolves({});
    const socket = socketCheckedBy(idp);
    const sync = (token?: string) =>
      socket(
        {
          requestContext: { routeKey: 'sync', connectionId: 'conn-a1', authorizer: { repId: 'rep-a' } },
          body: JSON.stringify({ action: 'sync', ...(token ? { token } : {}) }),
        } as never,
        context,
      );
    const expired = idp.sign('rep-a', ['reps'], Date.now() - 7_200_000, 60);
    for (const token of [expired, idp.sign('rep-b', ['reps']), undefined])
      expect(await sync(token)).toMatchObject({ statusCode: 403 });
    expect(management).toHaveReceivedCommandTimes(DeleteConnectionCommand, 3);
    expect(management).toHaveReceivedCommandWith(DeleteConnectionCommand, { ConnectionId: 'conn-a1' });
    expect(sent()).toEqual([]);
  });

  it("admits a rep's verified token to the push channel, bound to that rep", async () => {
    const idp = new LocalIdentityProvider('https://issuer.test');
    const authorize = makeAuthorizer(() => ({ verify: (t) => idp.verify(t) }));
    const methodArn = 'arn:aws:execute-api:eu-west-2:111111111111:abc123/live/$connect';
    const token = idp.sign('rep-a', ['reps']);
    expect(await authorize({ type: 'REQUEST', methodArn, queryStringParameters: { token } } as never, context)).toEqual(
      {
        principalId: 'local-rep-a',
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: methodArn }],
        },
        context: { repId: 'rep-a' },
      },
    );
  });
});
