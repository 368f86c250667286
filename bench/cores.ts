import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface CorePlan {
  readonly dynamodb: string;
  readonly bench: string;
}

/**
 * Puts DynamoDB Local and this process (routers and the floor's clients alike) on separate cores with `taskset`
 * (every thread, `-a`; threads started later inherit it), so the routing-to-floor ratio compares the work per
 * decision rather than two processes fighting over the same cores. DynamoDB Local gets half the cores, the bench
 * the rest. Without taskset or with one core, nothing is pinned and the plan says so.
 */
export function pinCores(dynamoPid: number | undefined): CorePlan | undefined {
  const cores = availableParallelism();
  if (cores < 2 || dynamoPid === undefined) return undefined;
  const split = Math.floor(cores / 2);
  const plan = { dynamodb: range(0, split - 1), bench: range(split, cores - 1) };
  try {
    execFileSync('taskset', ['-a', '-p', '-c', plan.dynamodb, String(dynamoPid)], { stdio: 'ignore' });
    execFileSync('taskset', ['-a', '-p', '-c', plan.bench, String(process.pid)], { stdio: 'ignore' });
    return plan;
  } catch {
    return undefined;
  }
}

const range = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);
