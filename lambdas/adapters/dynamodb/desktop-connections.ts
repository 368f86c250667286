import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
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
export class DesktopConnections {
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
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.desktopPk(repId) },
        ProjectionExpression: 'connectionId',
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => i.connectionId as string);
  }
}
