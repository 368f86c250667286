#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { RoutingDataStack } from '../lib/stacks/routing-data-stack';

const app = new App();
new RoutingDataStack(app, 'UnifiedRoutingData', {
  deletionProtection: app.node.tryGetContext('deletionProtection') !== 'false',
});
