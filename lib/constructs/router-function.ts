import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface RouterFunctionProps {
  /** File name under lambdas/handlers, without extension. */
  readonly handlerFile: string;
  /** Environment variables, merged over the defaults. */
  readonly environment?: Record<string, string>;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
}

/** A router Lambda with the house defaults: Node.js 22 on arm64, X-Ray, source maps, a log group with retention. */
export class RouterFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: RouterFunctionProps) {
    super(scope, id, {
      entry: join(__dirname, '../../lambdas/handlers', `${props.handlerFile}.ts`),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: props.timeout ?? Duration.seconds(30),
      memorySize: props.memorySize ?? 512,
      logGroup: new LogGroup(scope, `${id}Logs`, {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'unified-routing',
        ...props.environment,
      },
      // esbuild locally (no Docker), minified and tree-shaken from the packages' ES modules. The AWS SDK is bundled
      // too: one file loads faster than the runtime's SDK resolved file by file (bench: bundleLoad), and the
      // version deployed is the version tested.
      bundling: {
        minify: true,
        sourceMap: true,
        format: OutputFormat.CJS,
        mainFields: ['module', 'main'],
        externalModules: [],
        forceDockerBundling: false,
      },
    });
  }
}
