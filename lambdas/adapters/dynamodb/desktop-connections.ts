import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DesktopPresence } from '../../domain/ports';
import { keys } from './keys';

/** Supervisors' pages share one partition (`~` is never in a rep id): they are all told when the model changes. */
export const SUPERVISORS = '~supervisors';

/** API Gateway ends a WebSocket connection after two hours at most; a row outlives it by a margin, then expires. */
const CONNECTION_TTL_SECONDS = 2 * 3600 + 600;

/**
 * The open desktops of each rep (push connections), and supervisors' pages under SUPERVISORS, in the routing table under their own key prefix. Rows are
 * not routing state: they are written only by the push channel's connect and disconnect, and expire by TTL if a
 * disconnect is missed (a push to a gone connection also removes its row).
 */
export class DesktopConnections implements DesktopPresence {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(repId: string, connectionId: string, now: number): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.desktop(repId, connectionId),
          repId,
          connectionId,
          connectedAt: now,
          expiresAt: Math.floor(now / 1000) + CONNECTION_TTL_SECONDS,
        },
      }),
    );
  }

  async remove(repId: string, connectionId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.desktop(repId, connectionId) }));
  }

  /** A rep has a handful of desktops at most: one page holds them all. */
  async list(repId: string): Promise<string[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        // The partition also holds the rep's last-closed time: connections only.
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :conn)',
        ExpressionAttributeValues: { ':pk': keys.desktopPk(repId), ':conn': keys.desktopSkPrefix },
        ProjectionExpression: 'connectionId',
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => i.connectionId as string);
  }

  async openDesktops(repId: string): Promise<number> {
    return (await this.list(repId)).length;
  }

  /** Kept a day: a grace period is minutes, and a rep who never comes back needs no row. */
  async markClosed(repId: string, at: number): Promise<void> {
    const expiresAt = Math.floor(at / 1000) + 86_400;
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.desktopsClosed(repId), closedAt: at, expiresAt } }),
    );
  }

  async lastClosedAt(repId: string): Promise<number | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.desktopsClosed(repId), ConsistentRead: true }),
    );
    return out.Item?.closedAt as number | undefined;
  }
}
