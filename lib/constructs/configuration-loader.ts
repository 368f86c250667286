import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { keys } from '../../lambdas/adapters/dynamodb/keys';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import { RouterFunction } from './router-function';

export interface ConfigurationLoaderProps {
  /** The routing table the routers read their configuration from. */
  readonly table: ITable;
  /** The contact-center configuration, validated (bin/app.ts validates the file before synth). */
  readonly configuration: ContactCenterConfig;
}

/**
 * Puts the deploy's contact-center file into the routing table, so the routers deployed with it have it: the file is
 * a CDK asset (its key is its content hash), and a custom resource's loader function stores it as a new revision on
 * every deploy that changes it (lambdas/handlers/configuration-loader.ts). Routers take a new revision up when their
 * cached one expires (30 s). A file that fails validation fails the deploy, naming each problem; nothing is stored.
 */
export class ConfigurationLoader extends Construct {
  /** The function that validates and stores the file. */
  readonly loader: RouterFunction;
  /** The aws-cdk-lib custom resource framework that calls it. */
  readonly provider: Provider;
  /** The file as uploaded for this deploy. */
  readonly file: Asset;

  constructor(scope: Construct, id: string, props: ConfigurationLoaderProps) {
    super(scope, id);
    const path = join(mkdtempSync(join(tmpdir(), 'ur-configuration-')), 'contact-center.json');
    writeFileSync(path, JSON.stringify(props.configuration));
    this.file = new Asset(this, 'File', { path });
    this.loader = new RouterFunction(this, 'Loader', {
      handlerFile: 'configuration-loader',
      environment: { TABLE_NAME: props.table.tableName },
      // A big center's file is a few MB: many chunks, each batch written again while DynamoDB throttles it.
      timeout: Duration.minutes(5),
    });
    this.loader.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${Stack.of(this).partition}:s3:::${this.file.s3BucketName}/${this.file.s3ObjectKey}`],
      }),
    );
    this.loader.addToRolePolicy(
      new PolicyStatement({
        // The store's calls: the head read, the chunks batch-written, the head switched (ConfigStore.saveConfig).
        actions: ['dynamodb:GetItem', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
        // The configuration's rows only (CONFIG and CONFIG#<revision>): never routing state.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${keys.configHead().pk}*`] } },
      }),
    );
    this.provider = new Provider(this, 'Provider', { onEventHandler: this.loader });
    new CustomResource(this, 'Configuration', {
      serviceToken: this.provider.serviceToken,
      resourceType: 'Custom::ContactCenterConfiguration',
      properties: { Bucket: this.file.s3BucketName, Key: this.file.s3ObjectKey },
    });
  }
}
