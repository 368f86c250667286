import type { APIGatewayProxyResultV2, APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import type { ApiGatewayDesktopPush } from '../adapters/apigateway/desktop-push';
import { type DesktopConnections, SUPERVISORS } from '../adapters/dynamodb/desktop-connections';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { desktopPushFromEnvironment } from '../shared/desktop-push';
import { entryPoint } from '../shared/entry-point';
import { type IdentitySettings, identityFromEnvironment, principalFromClaims, pushBinding } from '../shared/identity';
import { timersFromEnvironment } from '../shared/timers-port';
import { type TokenVerifier, verifierFromEnvironment } from '../shared/token-verifier';

export interface DesktopSocketDeps {
  readonly router: Router;
  readonly connections: DesktopConnections;
  readonly push: ApiGatewayDesktopPush;
  readonly now: () => number;
  /** Checks the token each `sync` carries: a socket outlives its connect-time token by up to two hours. */
  readonly stillSignedIn: (
    token: string | undefined,
    bound: { repId?: string; supervisorId?: string },
  ) => Promise<boolean>;
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
      // The desktop's current token must still name the person the connection is bound to: a person removed or
      // disabled (their token no longer refreshed) or a token that ran out loses the socket, not just the API.
      if (!(await d.stillSignedIn(tokenOf(event.body), { repId, supervisorId }))) {
        await d.push.disconnect(connectionId);
        return { statusCode: 403, body: 'the token no longer signs this person in' };
      }
      // A rep's desktop gets its state; a supervisor's page is told to fetch the Command Center snapshot.
      const answer = repId ? await d.router.desktopSnapshot(repId) : { type: 'commandCenter', at: d.now() };
      await d.push.post(owner, connectionId, new TextEncoder().encode(JSON.stringify(answer)));
    }
    return { statusCode: 200 };
  });

/** Whether a token (verified as at connect) still names the person a connection was bound to. */
export const signedInCheck =
  (verifier: TokenVerifier, identity: IdentitySettings): DesktopSocketDeps['stillSignedIn'] =>
  async (token, bound) => {
    const claims = token ? await verifier.verify(token).catch(() => undefined) : undefined;
    const who = claims ? principalFromClaims(claims, identity) : undefined;
    if (who?.kind !== 'person') return false;
    const now = pushBinding(who, bound.supervisorId ? 'supervisor' : undefined);
    return bound.repId
      ? now !== undefined && 'repId' in now && now.repId === bound.repId
      : now !== undefined && 'supervisorId' in now && now.supervisorId === bound.supervisorId;
  };

const tokenOf = (body: string | undefined): string | undefined => {
  try {
    const token = (JSON.parse(body ?? '{}') as { token?: unknown }).token;
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
};

// Built once per process, not per message: the clients and the router are reused across invocations.
let deps: DesktopSocketDeps | undefined;
export const handler = makeHandler(() => {
  if (deps) return deps;
  const push = desktopPushFromEnvironment();
  if (!push) throw new Error('environment variable PUSH_ENDPOINT is not set');
  const router = routerFromEnvironment({ timers: timersFromEnvironment, desktopPresence: () => push.connections });
  const stillSignedIn = signedInCheck(verifierFromEnvironment(), identityFromEnvironment());
  deps = { router, connections: push.connections, push, now: Date.now, stillSignedIn };
  return deps;
});
