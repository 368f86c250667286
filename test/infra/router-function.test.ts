import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { RouterFunction } from '../../lib/constructs/router-function';

/**
 * Two functions bundled for real (the template tests skip bundling, test/support/cdk-app.ts): each gets its own
 * handler's bundle, as lib/bundling builds it.
 */
describe('RouterFunction bundling', () => {
  let outdir: string;
  let template: Template;
  let assets: Record<string, string>;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'router-function-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'Bundled');
    const authorizer = new RouterFunction(stack, 'Authorizer', { handlerFile: 'desktop-authorizer' });
    const submitted = new RouterFunction(stack, 'Submitted', { handlerFile: 'work-submitted' });
    template = Template.fromStack(stack);
    const assembly = app.synth();
    const assetPath = (fn: RouterFunction) => {
      const code = (fn.node.defaultChild as CfnFunction).code as CfnFunction.CodeProperty;
      const key = stack.resolve(code.s3Key) as string;
      return join(assembly.directory, `asset.${key.replace('.zip', '')}`);
    };
    assets = { authorizer: assetPath(authorizer), submitted: assetPath(submitted) };
  }, 120_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('gives each function its own bundle, not the first one bundled', () => {
    expect(assets.authorizer).not.toBe(assets.submitted);
  });

  it('bundles that load and export the handler, with their source maps beside them', () => {
    for (const dir of Object.values(assets)) {
      const probe = `const m=require(${JSON.stringify(join(dir, 'index.js'))});console.log(typeof m.handler)`;
      const env = { ...process.env, TABLE_NAME: 't', AWS_REGION: 'us-east-1', NODE_NO_WARNINGS: '1' };
      expect(execFileSync(process.execPath, ['-e', probe], { env, encoding: 'utf8' })).toBe('function\n');
      expect(() => require.resolve(join(dir, 'index.js.map'))).not.toThrow();
    }
  });

  it("runs Node.js 22 on arm64, traced, without Node's eager source maps (the bundle maps its traces itself)", () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Environment: { Variables: Match.objectEquals({ POWERTOOLS_SERVICE_NAME: 'unified-routing' }) },
    });
  });
});
