/**
 * `npm run connect:check -- --instance ARN --holding-queue ID [--config FILE] [--endpoint URL]`: reads the Amazon
 * Connect instance and names every rep a router call could not reach (their user missing, their routing profile
 * without the holding queue, auto-accept off, no after-contact-work limit) and every Connect status the
 * configuration names that the instance lacks or that routes when it must not. Exits 1 when there is any.
 * The deploy's agent placement runs the same check (lib/constructs/agent-placement.ts). `--endpoint` points the
 * client at the local Connect emulator.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConnectClient } from '@aws-sdk/client-connect';
import { checkSubject, connectProblems } from '../lambdas/adapters/connect/connect-check';
import { CompiledConfig } from '../lambdas/domain/config/compiled-config';
import { validateConfig } from '../lambdas/domain/config/validate-config';

export async function connectCheck(argv: string[], client = (endpoint?: string) => new ConnectClient({ endpoint })) {
  const { values } = parseArgs({
    args: argv,
    options: {
      instance: { type: 'string' },
      'holding-queue': { type: 'string' },
      config: { type: 'string', default: 'examples/contact-center.json' },
      endpoint: { type: 'string' },
    },
  });
  if (!values.instance || !values['holding-queue']) {
    return { problems: ['usage: npm run connect:check -- --instance ARN --holding-queue ID [--config FILE]'] };
  }
  const valid = validateConfig(JSON.parse(readFileSync(resolve(values.config), 'utf8')));
  if (!valid.ok) return { problems: valid.problems.map((p) => `${values.config}: ${p}`) };
  const subject = checkSubject(new CompiledConfig(valid.config), values['holding-queue']);
  const connect = client(values.endpoint);
  try {
    return { problems: await connectProblems(connect, values.instance, subject), reps: subject.agents.length };
  } finally {
    connect.destroy();
  }
}

if (require.main === module) {
  connectCheck(process.argv.slice(2)).then(
    ({ problems, reps }) => {
      for (const p of problems) console.log(p);
      if (!problems.length) console.log(`every one of ${reps} reps can be reached by the router's calls`);
      process.exit(problems.length ? 1 : 0);
    },
    (err) => {
      console.error(err);
      process.exit(2);
    },
  );
}
