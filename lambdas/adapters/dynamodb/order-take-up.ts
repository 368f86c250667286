import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AvailabilityOrder } from '../../domain/routing/availability';
import { keys } from './keys';

/** Rep rows updated at once: a 10,000-rep center takes an order up in seconds without a burst of throttling. */
const IN_FLIGHT = 16;

/**
 * Puts every existing rep row of `repIds` into the indexes of `orders` (an order a new configuration reads for the
 * first time, use-cases/configure.ts), by setting each order's sort key to the rep's place, which every write
 * keeps (availability.ts). The value is the row's own, so a router writing the same row at the same time sets the
 * same: whichever lands last, the key is exact. A rep without a row (never logged in) is skipped: its first write
 * creates the row with every key its configuration keeps.
 */
export async function takeUpOrders(
  db: DynamoDBDocumentClient,
  tableName: string,
  orders: readonly AvailabilityOrder[],
  repIds: readonly string[],
): Promise<void> {
  if (orders.length === 0) return;
  const names: Record<string, string> = { '#pk': 'pk' };
  const sets: string[] = [];
  const places: string[] = [];
  orders.forEach((order, i) => {
    const { sortKey, place } = keys.availability(order);
    Object.assign(names, { [`#key${i}`]: sortKey, [`#place${i}`]: place });
    sets.push(`#key${i} = #place${i}`);
    places.push(`attribute_exists(#place${i})`);
  });
  const takeUp = async (repId: string) => {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.rep(repId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          // Only rows that exist (a rep who never logged in has none), and that carry their places: a row without
          // them was written before places existed, and its key cannot be rebuilt (README: upgrading a table).
          ConditionExpression: ['attribute_exists(#pk)', ...places].join(' AND '),
          ExpressionAttributeNames: names,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      if (err.Item) throw withoutPlaces(repId);
    }
  };
  await inBatches(repIds, takeUp);
}

/**
 * Fails, naming the first such row, if a rep row of `repIds` was written before rows kept their places: this
 * version's writes move a place by arithmetic on it, and cannot on a row that has none. Checked on every change, so
 * a deploy onto such a table fails (and rolls back) before routers need it.
 */
export async function assertRepRowsCurrent(
  db: DynamoDBDocumentClient,
  tableName: string,
  repIds: readonly string[],
): Promise<void> {
  const place = keys.availability('free').place;
  await inBatches(repIds, async (repId) => {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.rep(repId),
        ProjectionExpression: '#pk, #place',
        ExpressionAttributeNames: { '#pk': 'pk', '#place': place },
      }),
    );
    if (Item && Item[place] === undefined) throw withoutPlaces(repId);
  });
}

async function inBatches(repIds: readonly string[], each: (repId: string) => Promise<void>) {
  for (let i = 0; i < repIds.length; i += IN_FLIGHT) await Promise.all(repIds.slice(i, i + IN_FLIGHT).map(each));
}

const withoutPlaces = (repId: string) =>
  new Error(
    `rep row ${keys.rep(repId).pk} has no availability places: the table predates them; see the README, "Upgrading a table from before 2026-12-02"`,
  );
