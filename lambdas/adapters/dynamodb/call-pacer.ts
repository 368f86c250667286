import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys';

/**
 * How a rate is cut into windows: one call each, 1/rate seconds long. Wider windows of several calls would let two
 * full windows meet at their boundary, a burst a token bucket like Connect's refuses.
 */
export function windowsOf(ratePerSecond: number): { windowMs: number; callsPerWindow: number } {
  return { windowMs: 1000 / ratePerSecond, callsPerWindow: 1 };
}

/** Windows tried ahead in one reservation before the caller is told to wait and try again. */
const LOOKAHEAD = 50;

/**
 * A rate shared by every router instance (Connect's quotas are per account and Region): time is cut into windows
 * of one call, and a call reserves the first free window from now on with one conditional write on that window's
 * row (a taken window refuses, and the next is tried). Rows expire a minute after their window.
 */
export class DynamoCallPacer {
  private readonly windowMs: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly api: string,
    ratePerSecond: number,
  ) {
    this.windowMs = windowsOf(ratePerSecond).windowMs;
  }

  /**
   * Reserves a window for one call: when it starts (if already begun, go now), or `retryAt` if every window tried
   * was taken. The walk starts past the last window this instance saw taken and never claims one already over, so
   * windows are neither wasted while others wait nor spent late in a burst.
   */
  async reserve(now: () => number): Promise<{ at: number } | { retryAt: number }> {
    for (let tries = 0; tries < LOOKAHEAD; tries++) {
      // Taken before the write is sent: reservations this instance makes at once try different windows.
      const window = Math.max(this.next, this.current(now));
      this.next = window + 1;
      if (await this.claim(window)) return { at: window * this.windowMs };
    }
    return { retryAt: Math.max(this.next, this.current(now)) * this.windowMs };
  }

  private next = 0;
  private current = (now: () => number) => Math.floor(now() / this.windowMs);

  private async claim(window: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.paceWindow(this.api, window),
            expiresAt: Math.ceil(((window + 1) * this.windowMs) / 1000) + 60,
          },
          // One call per window, across all instances: the window's row exists once it is taken.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}
