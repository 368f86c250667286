import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { routingTableDefinition as def } from '../../lambdas/adapters/dynamodb/table-definition';
import { RoutingDataStack } from '../../lib/stacks/routing-data-stack';

describe('RoutingDataStack', () => {
  const template = Template.fromStack(new RoutingDataStack(new App(), 'Data'));

  it('creates the routing table from the shared definition: keys, every index, on-demand, PITR, TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      DeletionProtectionEnabled: true,
      // The outbox entries commits carry on their rows reach the dispatcher through the stream.
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      GlobalSecondaryIndexes: def.indexes.map((i) =>
        Match.objectLike({
          IndexName: i.indexName,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
      ),
    });
  });

  it('sorts the availability orders by number, and everything else by string', () => {
    const table = Object.values(template.findResources('AWS::DynamoDB::Table'))[0]!;
    const types = Object.fromEntries(
      (table.Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[]).map((a) => [
        a.AttributeName,
        a.AttributeType,
      ]),
    );
    expect(types).toEqual({
      pk: 'S',
      sk: 'S',
      gsi1pk: 'S',
      gsi1sk: 'S',
      gsi2pk: 'S',
      availFree: 'N',
      availInterruptibleFree: 'N',
      availActive: 'N',
      gsi3pk: 'S',
      gsi3sk: 'S',
    });
  });

  it('keeps the table when the stack is deleted', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});
