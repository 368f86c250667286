import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { RepState } from '../domain/routing/rep';
import type { WorkItem } from '../domain/routing/work-item';

/**
 * Every row of the routing table, split by kind, with whether each queued item is in the waiting index.
 * A full Scan: for end-of-run reports and tests that check invariants from stored state, never for routing.
 */
export async function scanRecords(raw: DynamoDBClient, table: string) {
  const rows: Record<string, unknown>[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await raw.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    rows.push(...(out.Items ?? []).map((i) => unmarshall(i)));
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  const waiting = new Set(rows.filter((r) => r.gsi1pk).map((r) => r.id as string));
  return {
    rows,
    items: rows.filter((r) => r.type === 'WorkItem') as unknown as WorkItem[],
    reps: rows.filter((r) => r.type === 'Rep') as unknown as RepState[],
    isWaiting: (item: WorkItem) => waiting.has(item.id),
  };
}
