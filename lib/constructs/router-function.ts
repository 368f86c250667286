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

/**
 * How every function is bundled, in esbuild's terms, so that the bench and the bundle tests build the very files
 * that are deployed. Source maps leave out the sources' text: Node reads and parses a function's map when it loads
 * (`--enable-source-maps`), and a stack trace needs only the mappings (bench: the HTTP API loads in about 18 ms less
 * than with the sources in its 4.9 MB map, now 1.9 MB).
 */
export const BUNDLE = { minify: true, sourcemap: true, sourcesContent: false, mainFields: ['module', 'main'] } as const;
/** Stack traces in the logs name our files and lines (the source maps above). */
export const NODE_OPTIONS = '--enable-source-maps';

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
        NODE_OPTIONS,
        POWERTOOLS_SERVICE_NAME: 'unified-routing',
        ...props.environment,
      },
      // esbuild locally (no Docker), minified and tree-shaken from the packages' ES modules. The AWS SDK is bundled
      // too: one file loads faster than the runtime's SDK resolved file by file (bench: bundleLoad), and the
      // version deployed is the version tested.
      bundling: {
        minify: BUNDLE.minify,
        sourceMap: BUNDLE.sourcemap,
        sourcesContent: BUNDLE.sourcesContent,
        format: OutputFormat.CJS,
        mainFields: [...BUNDLE.mainFields],
        externalModules: [],
        forceDockerBundling: false,
      },
    });
  }
}
