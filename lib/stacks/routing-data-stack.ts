import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { RoutingTable } from '../constructs/routing-table';

export interface RoutingDataStackProps extends StackProps {
  /** @default true */
  readonly deletionProtection?: boolean;
}

/** The stateful part of unified routing: the routing table (rep capacity, work items, configuration). */
export class RoutingDataStack extends Stack {
  readonly table: ITable;

  constructor(scope: Construct, id: string, props: RoutingDataStackProps = {}) {
    super(scope, id, props);
    this.table = new RoutingTable(this, 'Routing', { deletionProtection: props.deletionProtection }).table;
  }
}
