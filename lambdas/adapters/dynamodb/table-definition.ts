/**
 * The one definition of the routing table, used by the CDK stack and by the local setup (DynamoDB Local),
 * so both always create the same keys and indexes. Plain data: no SDK or CDK types.
 */
export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
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
      purpose: 'queued items per waiting list, in routing order',
    },
    {
      indexName: 'available',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      purpose: 'logged-in reps with a routable status, per group',
    },
    {
      indexName: 'held',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      purpose: 'items a rep holds (offered, assigned, wrap-up)',
    },
  ] as const satisfies readonly IndexDefinition[],
} as const;

export type IndexName = (typeof routingTableDefinition.indexes)[number]['indexName'];

/** How long ended work stays queryable before TTL removes it. */
export const RETENTION_SECONDS = 30 * 24 * 3600;
