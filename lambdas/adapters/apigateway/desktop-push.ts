import {
  type ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { DesktopPush } from '../../domain/ports';
import type { DesktopMessage } from '../../domain/routing/desktop-messages';
import type { DesktopConnections } from '../dynamodb/desktop-connections';

/**
 * Pushes over the API Gateway WebSocket API: the message goes to each of the rep's open connections and to no
 * other. A connection API Gateway reports gone (410) is removed; any other failure is thrown, so the dispatcher
 * retries the entry (desktops ignore what they already have).
 */
export class ApiGatewayDesktopPush implements DesktopPush {
  constructor(
    private readonly client: ApiGatewayManagementApiClient,
    readonly connections: DesktopConnections,
  ) {}

  async send(repId: string, message: DesktopMessage): Promise<void> {
    const data = new TextEncoder().encode(JSON.stringify(message));
    const ids = await this.connections.list(repId);
    await Promise.all(ids.map((id) => this.post(repId, id, data)));
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
