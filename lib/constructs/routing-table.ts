import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  StreamViewType,
  Table,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { routingTableDefinition as def } from '../../lambdas/adapters/dynamodb/table-definition';

export interface RoutingTableProps {
  /**
   * Refuse deletion of the table (and keep it when the stack is deleted).
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/** The routing table: keys and indexes from the one shared definition the local setup also uses. */
export class RoutingTable extends Construct {
  readonly table: ITable;

  constructor(scope: Construct, id: string, props: RoutingTableProps = {}) {
    super(scope, id);
    const protect = props.deletionProtection ?? true;
    const table = new Table(this, 'Table', {
      partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
      sortKey: { name: def.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: def.ttlAttribute,
      stream: StreamViewType[def.stream],
      deletionProtection: protect,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of def.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType[index.sortKeyType === 'N' ? 'NUMBER' : 'STRING'] },
        projectionType: ProjectionType.ALL,
      });
    }
    this.table = table;
  }
}
