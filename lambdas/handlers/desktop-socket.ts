import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import type { ApiGatewayDesktopPush } from '../adapters/apigateway/desktop-push';
import { type DesktopConnections, SUPERVISORS } from '../adapters/dynamodb/desktop-connections';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { desktopPushFromEnvironment } from '../shared/desktop-push';
import { entryPoint } from '../shared/entry-point';
import { timersFromEnvironment } from '../shared/timers-port';

export interface DesktopSocketDeps {
  readonly router: Router;
  readonly connections: DesktopConnections;
  readonly push: ApiGatewayDesktopPush;
  readonly now: () => number;
}

type SocketEvent = APIGatewayProxyWebsocketEventV2 & {
  requestContext: { authorizer?: { repId?: string; supervisorId?: string } };
};

/**
 * The push channel's routes. `$connect` (after the authorizer bound the connection to a rep) records it, and
 * `$disconnect` forgets it. `sync`, which a desktop sends once open, answers with the rep's current state, so a
 * desktop that (re)connects starts from the truth before pushes follow.
 */
export const makeHandler = (deps: () => DesktopSocketDeps) =>
  entryPoint(async (event: SocketEvent): Promise<APIGatewayProxyResultV2> => {
    const { routeKey, connectionId } = event.requestContext;
    const { repId, supervisorId } = event.requestContext.authorizer ?? {};
    const owner = repId ?? (supervisorId ? SUPERVISORS : undefined);
    if (!owner) return { statusCode: 403, body: 'nobody bound to this connection' };
    const d = deps();
    if (routeKey === '$connect') await d.connections.add(owner, connectionId, d.now());
    else if (routeKey === '$disconnect') {
      await d.connections.remove(owner, connectionId);
      // The rep's last workspace closed: they are set away after the grace period (semantics §7).
      if (repId) await d.router.desktopClosed(repId);
    } else {
      // A rep's desktop gets its state; a supervisor's page is told to fetch the Command Center snapshot.
      const answer = repId ? await d.router.desktopSnapshot(repId) : { type: 'commandCenter', at: d.now() };
      await d.push.post(owner, connectionId, new TextEncoder().encode(JSON.stringify(answer)));
    }
    return { statusCode: 200 };
  });

// Built once per process, not per message: the clients and the router are reused across invocations.
let deps: DesktopSocketDeps | undefined;
export const handler = makeHandler(() => {
  if (deps) return deps;
  const push = desktopPushFromEnvironment();
  if (!push) throw new Error('environment variable PUSH_ENDPOINT is not set');
  const router = routerFromEnvironment({ timers: timersFromEnvironment, desktopPresence: () => push.connections });
  deps = { router, connections: push.connections, push, now: Date.now };
  return deps;
});
