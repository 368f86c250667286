/**
 * Reps and supervisors in the stack's user pool (README, "People"):
 *   npm run people -- add <id> --email <address> [--supervisor] --pool <UserPoolId>
 *   npm run people -- remove <id> --pool <UserPoolId>
 *   npm run people -- list --pool <UserPoolId>
 * The id is the rep's (or supervisor's) id in the contact-center file; the pool is the stack output `UserPoolId`.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { PeopleDirectory } from '../lambdas/adapters/cognito/people-directory';

export function parsePeopleArgs(argv: readonly string[]) {
  const flag = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const [command, id] = argv;
  const pool = flag('--pool');
  if (!pool) throw new Error('--pool: the user pool id (stack output UserPoolId) is required');
  if (command === 'list') return { command, pool } as const;
  if (!id || id.startsWith('--')) throw new Error(`${command ?? 'command'}: the person's id is required`);
  if (command === 'remove') return { command, pool, id } as const;
  if (command !== 'add') throw new Error(`command: add, remove or list, not '${command ?? ''}'`);
  const email = flag('--email');
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error('--email: the address the invitation goes to');
  return { command, pool, id, email, role: argv.includes('--supervisor') ? 'supervisor' : 'rep' } as const;
}

async function main(): Promise<void> {
  const args = parsePeopleArgs(process.argv.slice(2));
  const people = new PeopleDirectory(new CognitoIdentityProviderClient({}), args.pool);
  if (args.command === 'list') for (const p of await people.list()) console.log(JSON.stringify(p));
  else if (args.command === 'remove') await people.remove(args.id);
  else {
    await people.add(args);
    console.log(`invited ${args.id} (${args.role}) at ${args.email}`);
  }
}

if (require.main === module)
  main().catch((err: unknown) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  });
