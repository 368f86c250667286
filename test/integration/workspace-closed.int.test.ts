import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ApiGatewayDesktopPush } from '../../lambdas/adapters/apigateway/desktop-push';
import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import { DesktopConnections } from '../../lambdas/adapters/dynamodb/desktop-connections';
import { SWEEP_GRACE_MS } from '../../lambdas/domain/use-cases/sweep';
import { makeHandler as makeSocket } from '../../lambdas/handlers/desktop-socket';
import { transferCenter } from '../fixtures/transfer-center';
import { endpoint, type Harness, makeHarness } from '../support/harness';
import { lambdaContext } from '../support/lambda-context';

/**
 * A rep who closes the workspace (semantics §7): after the grace period with no desktop open, the rep is set away
 * (or logged out), with the reason on the event, so a closed workspace and its softphone never stay routable.
 */
let h: Harness;
let connections: DesktopConnections;
const context = lambdaContext('socket');

async function center(presence: Record<string, unknown> = {}) {
  const base = transferCenter();
  const config = { ...base, presenceConfigs: base.presenceConfigs!.map((p) => ({ ...p, ...presence })) };
  let desktops: DesktopConnections | undefined;
  const desktopPresence = {
    openDesktops: (repId: string) => desktops!.openDesktops(repId),
    markClosed: (repId: string, at: number) => desktops!.markClosed(repId, at),
    lastClosedAt: (repId: string) => desktops!.lastClosedAt(repId),
  };
  h = await makeHarness(config, { ports: (p) => ({ ...p, desktopPresence }) });
  desktops = connections = new DesktopConnections(documentClient(localClientConfig(endpoint())), h.table);
  const socket = makeSocket(() => ({
    router: h.router,
    connections,
    push: new ApiGatewayDesktopPush(new ApiGatewayManagementApiClient({ region: 'eu-west-2' }), connections),
    now: () => h.clock.now(),
    // Only $connect and $disconnect here: no sync arrives.
    stillSignedIn: async () => true,
  }));
  return (routeKey: '$connect' | '$disconnect', connectionId: string) =>
    socket({ requestContext: { routeKey, connectionId, authorizer: { repId: 'rep-a' } } } as never, context);
}

describe('a closed workspace', () => {
  it('sets the rep to the configured status once no desktop was open for the grace period', async () => {
    const socket = await center({ statusOnWorkspaceClosed: 'busy', workspaceClosedGraceSeconds: 120 });
    await socket('$connect', 'c1');
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await socket('$disconnect', 'c1');
    await h.advance(119_000);
    expect((await h.rep('rep-a')).statusId).toBe('available');
    await h.advance(1_000);
    expect((await h.rep('rep-a')).statusId).toBe('busy');
    expect(h.events.ofType('rep.presenceChanged').at(-1)).toMatchObject({
      repId: 'rep-a',
      statusId: 'busy',
      reason: 'workspaceClosed',
    });
  });

  it('logs the rep out when no status is configured for it', async () => {
    const socket = await center();
    await socket('$connect', 'c1');
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await socket('$disconnect', 'c1');
    await h.advance(120_000);
    expect((await h.rep('rep-a')).sessionId).toBeUndefined();
    expect(h.events.ofType('rep.presenceChanged').at(-1)).toMatchObject({ loggedIn: false, reason: 'workspaceClosed' });
  });

  it('leaves a rep alone who still has a desktop open, or opened one again within the grace period', async () => {
    const socket = await center({ statusOnWorkspaceClosed: 'busy' });
    await socket('$connect', 'c1');
    await socket('$connect', 'c2');
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await socket('$disconnect', 'c1');
    await h.advance(300_000);
    await socket('$disconnect', 'c2');
    await h.advance(60_000);
    await socket('$connect', 'c3');
    await h.advance(300_000);
    expect((await h.rep('rep-a')).statusId).toBe('available');
  });

  it('counts the grace period from the last close: close, reopen and close again wait the full period', async () => {
    const socket = await center({ statusOnWorkspaceClosed: 'busy', workspaceClosedGraceSeconds: 120 });
    await socket('$connect', 'c1');
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await socket('$disconnect', 'c1');
    await h.advance(60_000);
    await socket('$connect', 'c2');
    await h.advance(40_000);
    await socket('$disconnect', 'c2');
    // The first close's timer comes due now, 20 s after the second close: it is stale.
    await h.advance(20_000);
    expect((await h.rep('rep-a')).statusId).toBe('available');
    await h.advance(100_000);
    expect((await h.rep('rep-a')).statusId).toBe('busy');
  });

  it('a lost grace timer is found by the sweeper: the rep is set away once, and a later change is kept', async () => {
    const socket = await center({ statusOnWorkspaceClosed: 'busy', workspaceClosedGraceSeconds: 120 });
    await socket('$connect', 'c1');
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    await socket('$disconnect', 'c1');
    // The timer is lost (a Scheduler outage, a crash before it was queued): only the sweeper is left.
    expect(h.timers.takeDue(h.clock.now() + 120_000).map((t) => t.kind)).toEqual(['workspaceClosed']);
    await h.advance(120_000);
    expect((await h.router.sweep()).workspacesClosed).toBe(0);
    await h.advance(SWEEP_GRACE_MS + 1);
    expect((await h.router.sweep()).workspacesClosed).toBe(1);
    expect(h.events.ofType('rep.presenceChanged').at(-1)).toMatchObject({
      statusId: 'busy',
      reason: 'workspaceClosed',
    });
    // A supervisor sets the rep back (they take calls on a desk phone): later sweeps leave that alone.
    await h.router.changeStatus({ repId: 'rep-a', statusId: 'available' });
    await h.advance(600_000);
    expect((await h.router.sweep()).workspacesClosed).toBe(0);
    expect((await h.rep('rep-a')).statusId).toBe('available');
  });
});
