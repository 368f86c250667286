import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';

/** How a rate is cut into windows: about ten a second, each holding at least one call. */
export function windowsOf(ratePerSecond: number): { windowMs: number; callsPerWindow: number } {
  const callsPerWindow = Math.max(1, Math.round(ratePerSecond / 10));
  return { windowMs: (1000 * callsPerWindow) / ratePerSecond, callsPerWindow };
}

/**
 * A rate shared by every router instance (Connect's quotas are per account and Region): time is cut into short
 * windows and each call takes a place in the current one with one conditional write on the window's row. A full
 * window refuses; the caller waits for the next. Rows expire a minute after their window.
 */
export class DynamoCallPacer {
  private readonly windowMs: number;
  private readonly callsPerWindow: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly api: string,
    ratePerSecond: number,
  ) {
    ({ windowMs: this.windowMs, callsPerWindow: this.callsPerWindow } = windowsOf(ratePerSecond));
  }

  /** A place in the window `now` falls in, or the time the next window starts. */
  async take(now: number): Promise<{ granted: true } | { granted: false; nextAt: number }> {
    const window = Math.floor(now / this.windowMs);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.paceWindow(this.api, window),
          UpdateExpression: 'ADD #calls :one SET #expiresAt = :expiresAt',
          // Room left in this window: never more calls in it than the rate allows, across all instances.
          ConditionExpression: 'attribute_not_exists(#calls) OR #calls < :max',
          ExpressionAttributeNames: { '#calls': 'calls', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':max': this.callsPerWindow,
            ':expiresAt': Math.ceil(((window + 1) * this.windowMs) / 1000) + 60,
          },
        }),
      );
      return { granted: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      return { granted: false, nextAt: (window + 1) * this.windowMs };
    }
  }
}
