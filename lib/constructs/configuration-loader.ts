import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { keys } from '../../lambdas/adapters/dynamodb/keys';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import { CONFIG_CACHE_MS } from '../../lambdas/domain/use-cases/config-provider';
import { RouterFunction } from './router-function';
import { ROUTER_FUNCTIONS, type RouterFunctionSpec } from './router-functions';

/** The longest a router function runs, in seconds (30 unless its spec says). */
const longestRun = () => Math.max(...ROUTER_FUNCTIONS.map((f: RouterFunctionSpec) => f.timeoutSeconds ?? 30));

/** The configuration as a file for the asset: one per content, so synth after synth reuses it. */
function configurationFile(configuration: ContactCenterConfig): string {
  const json = JSON.stringify(configuration);
  const dir = join(tmpdir(), 'ur-configuration', createHash('sha256').update(json).digest('hex'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'contact-center.json');
  // Written aside and renamed: a synth in another process hashing the same path never reads it half written.
  if (!existsSync(path)) {
    writeFileSync(`${path}.${process.pid}`, json);
    renameSync(`${path}.${process.pid}`, path);
  }
  return path;
}

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
 * cached one expires (30 s). A file that fails validation, or would strand live work (a removed queue with work in
 * it, a removed or moved rep who is logged in), fails the deploy, naming each problem, and nothing is stored; if such
 * work arrives while routers take a change up, the previous configuration is stored back and the deploy fails.
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
    this.file = new Asset(this, 'File', { path: configurationFile(props.configuration) });
    this.loader = new RouterFunction(this, 'Loader', {
      handlerFile: 'configuration-loader',
      // A change that removes a queue or a rep is checked again once every router has taken it up: its cached
      // configuration expired, and whatever it started with the old one committed or timed out.
      environment: { TABLE_NAME: props.table.tableName, SETTLE_MS: String(CONFIG_CACHE_MS + longestRun() * 1000) },
      // A big center's file is a few MB: many chunks, each batch written again while DynamoDB throttles it.
      timeout: Duration.minutes(5),
    });
    this.loader.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${Stack.of(this).partition}:s3:::${this.file.s3BucketName}/${this.file.s3ObjectKey}`],
      }),
    );
    const tableArn = props.table.tableArn;
    this.loader.addToRolePolicy(
      new PolicyStatement({
        // The configuration stored, and what a change must not strand: waiting lists, reps, the work they hold.
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [tableArn, `${tableArn}/index/waiting`, `${tableArn}/index/held`],
      }),
    );
    this.loader.addToRolePolicy(
      new PolicyStatement({
        // The chunks batch-written, then the head switched (ConfigStore.saveConfig).
        actions: ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
        resources: [tableArn],
        // The configuration's rows only (CONFIG and CONFIG#<revision>): never routing state.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${keys.configHead().pk}*`] } },
      }),
    );
    this.loader.addToRolePolicy(
      new PolicyStatement({
        // An availability order a change reads for the first time: each rep row's sort key set from its place
        // (order-take-up.ts). Rep rows only, never work items or the configuration.
        actions: ['dynamodb:UpdateItem'],
        resources: [tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${keys.rep('').pk}*`] } },
      }),
    );
    this.provider = new Provider(this, 'Provider', {
      onEventHandler: this.loader,
      // The framework's own logs, kept as long as the functions' (RouterFunction), not forever.
      logGroup: new LogGroup(this, 'ProviderLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
    new CustomResource(this, 'Configuration', {
      serviceToken: this.provider.serviceToken,
      resourceType: 'Custom::ContactCenterConfiguration',
      properties: { Bucket: this.file.s3BucketName, Key: this.file.s3ObjectKey },
    });
  }
}
