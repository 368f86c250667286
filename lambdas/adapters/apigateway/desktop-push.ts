import {
  type ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { SupervisorNudge } from '../../command-center/feed';
import type { DesktopPush } from '../../domain/ports';
import type { DesktopMessage } from '../../domain/routing/desktop-messages';
import { type DesktopConnections, SUPERVISORS } from '../dynamodb/desktop-connections';

/**
 * Pushes over the API Gateway WebSocket API: the message goes to each of the rep's open connections and to no
 * other. A connection API Gateway reports gone (410) is removed; any other failure is thrown to the caller, which
 * counts it (`reportFailure`) and goes on: a desktop that missed a push catches up at its next `sync`.
 */
export class ApiGatewayDesktopPush implements DesktopPush, SupervisorNudge {
  constructor(
    private readonly client: ApiGatewayManagementApiClient,
    readonly connections: DesktopConnections,
    private readonly onFailure?: (error: unknown, repId: string) => void,
  ) {}

  reportFailure(error: unknown, repId: string): void {
    this.onFailure?.(error, repId);
  }

  async send(repId: string, message: DesktopMessage): Promise<void> {
    const data = new TextEncoder().encode(JSON.stringify(message));
    const ids = await this.connections.list(repId);
    await Promise.all(ids.map((id) => this.post(repId, id, data)));
  }

  /** Supervisors' pages fetch the Command Center snapshot again when told (the snapshot itself is not pushed). */
  async nudge(at: number): Promise<void> {
    const data = new TextEncoder().encode(JSON.stringify({ type: 'commandCenter', at }));
    const ids = await this.connections.list(SUPERVISORS);
    await Promise.all(ids.map((id) => this.post(SUPERVISORS, id, data)));
  }

  /** Ends a connection from the server's side (DeleteConnection): its desktop reconnects with a fresh token, or not. */
  async disconnect(connectionId: string): Promise<void> {
    try {
      await this.client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (err) {
      if (!(err instanceof GoneException)) throw err;
    }
  }

  async post(repId: string, connectionId: string, data: Uint8Array): Promise<void> {
    try {
      await this.client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
    } catch (err) {
      if (!(err instanceof GoneException)) throw err;
      await this.connections.remove(repId, connectionId);
    }
  }
}
