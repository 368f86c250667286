/**
 * Delivers again what the router could not deliver (issue #33): set-aside outbox entries and failed asynchronous
 * events, by invoking the deployed Redrive function (its grants are the dispatcher's), and prints its report.
 *   npm run redrive -- --function <name or ARN> [--reasons transient,rejected,unreadable] [--limit N]
 * The function's name is the stack output `RedriveFunctionName`. Safe to repeat: every delivery is idempotent.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

const REASONS = ['transient', 'rejected', 'unreadable'];

function options(argv: readonly string[]): { fn: string; input: Record<string, unknown> } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const fn = value('--function');
  if (!fn) throw new Error('--function: the Redrive function (stack output RedriveFunctionName) is required');
  const reasons = value('--reasons')?.split(',');
  const unknown = reasons?.filter((r) => !REASONS.includes(r));
  if (unknown?.length) throw new Error(`--reasons: ${unknown.join(', ')} (one of ${REASONS.join(', ')})`);
  const limit = value('--limit');
  if (limit !== undefined && !(Number.isInteger(Number(limit)) && Number(limit) > 0))
    throw new Error(`--limit: a whole number above 0, not '${limit}'`);
  return { fn, input: { ...(reasons ? { reasons } : {}), ...(limit ? { limit: Number(limit) } : {}) } };
}

async function main(): Promise<void> {
  const { fn, input } = options(process.argv.slice(2));
  const out = await new LambdaClient({}).send(
    new InvokeCommand({ FunctionName: fn, Payload: new TextEncoder().encode(JSON.stringify(input)) }),
  );
  const text = new TextDecoder().decode(out.Payload ?? new Uint8Array());
  console.log(text);
  if (out.FunctionError) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exitCode = 2;
});
