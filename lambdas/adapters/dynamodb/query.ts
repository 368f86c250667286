import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

/** Every row of one partition (of the table or an index), following pages to the end. */
export async function queryAll(
  db: DynamoDBDocumentClient,
  target: { readonly TableName: string; readonly IndexName?: string; readonly ConsistentRead?: boolean },
  keyName: string,
  value: string,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        ...target,
        ExclusiveStartKey: start,
        KeyConditionExpression: '#k = :v',
        ExpressionAttributeNames: { '#k': keyName },
        ExpressionAttributeValues: { ':v': value },
      }),
    );
    rows.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return rows;
}
