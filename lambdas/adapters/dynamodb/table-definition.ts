/**
 * The one definition of the routing table, used by the CDK stack and by the local setup (DynamoDB Local),
 * so both always create the same keys and indexes. Plain data: no SDK or CDK types.
 */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** S: a string key; N: a number (the availability orders, kept by arithmetic on the rep's writes). */
  readonly sortKeyType: 'S' | 'N';
  /** Why the index exists; mirrored in ARCHITECTURE.md. */
  readonly purpose: string;
}

export const routingTableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; ended work items and source claims expire after the retention period. */
  ttlAttribute: 'expiresAt',
  /**
   * The table's stream: each written row's new image, so the outbox entry a commit carries on its row is delivered
   * (ARCHITECTURE.md, "Delivery"). New images only: the dispatcher needs nothing else.
   */
  stream: 'NEW_IMAGE',
  /** The attribute a row carries its commit's outbox entry in. */
  outboxAttribute: 'outbox',
  indexes: [
    {
      indexName: 'waiting',
      partitionKey: 'gsi1pk',
      sortKey: 'gsi1sk',
      sortKeyType: 'S',
      purpose: 'queued items per waiting list, in routing order',
    },
    {
      indexName: 'availableByFree',
      partitionKey: 'gsi2pk',
      sortKey: 'availFree',
      sortKeyType: 'N',
      purpose: 'routable reps per group, most free primary capacity first (MostAvailable)',
    },
    {
      indexName: 'availableByInterruptibleFree',
      partitionKey: 'gsi2pk',
      sortKey: 'availInterruptibleFree',
      sortKeyType: 'N',
      purpose: 'routable reps per group, most free interruptible capacity first (MostAvailable, interruptible work)',
    },
    {
      indexName: 'availableByActive',
      partitionKey: 'gsi2pk',
      sortKey: 'availActive',
      sortKeyType: 'N',
      purpose: 'routable reps per group, fewest active items first (LeastActive)',
    },
    {
      indexName: 'held',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      sortKeyType: 'S',
      purpose: 'items a rep holds (offered, assigned, wrap-up)',
    },
  ] as const satisfies readonly IndexDefinition[],
} as const;

export type IndexName = (typeof routingTableDefinition.indexes)[number]['indexName'];

/** How long ended work stays queryable before TTL removes it. */
export const RETENTION_SECONDS = 30 * 24 * 3600;
