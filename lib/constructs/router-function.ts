import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
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

const ROOT = join(__dirname, '../..');
const BUNDLE_CLI = join(ROOT, 'lib/bundling/bundle-cli.ts');

/**
 * A handler's code, bundled on this machine by lib/bundling (BUNDLE) as the bench and the bundle tests bundle it.
 * Not NodejsFunction: its esbuild runs from the command line, without plugins, and the SDK's schemas need one
 * (lib/bundling/sdk-schema-keys.ts). Hashed by output, as NodejsFunction does, so an unchanged bundle is not
 * uploaded again.
 */
function handlerCode(handlerFile: string): Code {
  return Code.fromAsset(ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or fails loudly (the build needs this checkout's node_modules).
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-alpine'),
      // CDK reuses a bundle for assets of the same source and options, and `local` is not compared: the handler
      // must be part of the options, or every function would get the first one's bundle.
      command: ['bundle', handlerFile],
      local: {
        tryBundle(outputDir) {
          execFileSync(process.execPath, ['--import', 'tsx', BUNDLE_CLI, handlerFile, outputDir], {
            cwd: ROOT,
            stdio: 'inherit',
          });
          return true;
        },
      },
    },
  });
}

/** A router Lambda with the house defaults: Node.js 22 on arm64, X-Ray, source maps, a log group with retention. */
export class RouterFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: RouterFunctionProps) {
    super(scope, id, {
      code: handlerCode(props.handlerFile),
      handler: 'index.handler',
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
        POWERTOOLS_SERVICE_NAME: 'unified-routing',
        ...props.environment,
      },
    });
  }
}
