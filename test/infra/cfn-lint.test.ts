import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exampleCenter from '../../examples/contact-center.json';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { RoutingDataStack } from '../../lib/stacks/routing-data-stack';
import { RoutingStack } from '../../lib/stacks/routing-stack';
import { testApp } from '../support/cdk-app';

/**
 * Warnings we keep, each with its reason. W3005: CDK's Function adds `DependsOn` its role as well as its default
 * policy, so the policy exists before the function can run; the role part repeats the `GetAtt` (harmless).
 */
const EXPLAINED = new Set(['W3005']);

interface Finding {
  readonly Level: string;
  readonly Message: string;
  readonly Filename: string;
  readonly Rule: { readonly Id: string };
}

/** AWS's CloudFormation linter, installed on these machines (Python); where it is missing, this test is skipped. */
const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
const lintIt = cfnLint ? it : it.skip;

/** The templates `cdk deploy` would deploy: the example center, with every optional part of the Connect side. */
function synthesize(outdir: string): string[] {
  const app = testApp({ outdir });
  const env = { account: '111111111111', region: 'eu-west-2' };
  const valid = validateConfig(exampleCenter);
  if (!valid.ok) throw new Error(valid.problems.join('\n'));
  const instanceArn = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
  const data = new RoutingDataStack(app, 'UnifiedRoutingData', { env });
  new RoutingStack(app, 'UnifiedRouting', {
    env,
    table: data.table,
    instanceArn,
    contactCenter: valid.config,
    configuration: valid.config,
    callbackCallerId: { sourcePhoneNumber: '+441234567890' },
    recordings: { bucketName: 'amazon-connect-recordings-111111111111', prefix: 'connect/acme/CallRecordings' },
    hoursOfOperationArn: `${instanceArn}/operating-hours/hhhhhhhh-1111-2222-3333-444444444444`,
  });
  const assembly = app.synth();
  return assembly.stacks.map((s) => join(outdir, s.templateFile));
}

describe('the synthesized templates pass cfn-lint (issue #12)', () => {
  lintIt(
    'with zero errors, and only the explained warnings',
    () => {
      const outdir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
      try {
        const templates = synthesize(outdir);
        expect(templates).toHaveLength(2);
        const output = execFileSync('cfn-lint', ['--format', 'json', '--non-zero-exit-code', 'none', ...templates], {
          encoding: 'utf8',
        });
        const findings = JSON.parse(output) as Finding[];
        const unexplained = findings
          .filter((f) => f.Level === 'Error' || !EXPLAINED.has(f.Rule.Id))
          .map((f) => `${f.Level} ${f.Rule.Id} ${f.Message}`);
        expect(unexplained).toEqual([]);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
