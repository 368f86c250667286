import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { configFromScenario } from '../../lambdas/simulator/build-config';
import { type Report, simulate } from '../../lambdas/simulator/engine';
import { validateScenario } from '../../lambdas/simulator/scenario';
import { openStore } from '../../lambdas/simulator/stores';

/** Runs a scenario (validated as the CLI would) on the memory store or DynamoDB Local, and returns its report. */
export async function run(input: Record<string, unknown>, store: 'memory' | 'dynamodb' = 'memory'): Promise<Report> {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  const { config, reps } = configFromScenario(checked.scenario);
  const sim = await openStore(store, store === 'dynamodb' ? process.env.DDB_ENDPOINT : undefined);
  try {
    return await simulate(checked.scenario, config, reps, sim);
  } finally {
    await sim.close();
  }
}

export const chat = (extra: Record<string, unknown> = {}) => ({
  id: 'q',
  channel: 'chat',
  priority: 1,
  routingModel: 'MostAvailable',
  pushTimeoutSeconds: 0,
  size: { percentage: 100 },
  ...extra,
});
export const base = (overrides: Record<string, unknown>) => ({
  name: 'test',
  seed: 3,
  durationMinutes: 240,
  warmupMinutes: 10,
  channels: [{ name: 'chat', realTime: true }],
  queues: [chat()],
  repGroups: [{ count: 3, queues: ['q'], status: ['chat'] }],
  arrivals: [{ queue: 'q', perHour: 30, handleSeconds: { distribution: 'exponential', mean: 240 } }],
  ...overrides,
});
export const noViolations = { capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0 };

/** Erlang C: probability of waiting and mean wait in an M/M/c queue. */
export function erlangC(c: number, lambdaPerSecond: number, meanHandleSeconds: number) {
  const a = lambdaPerSecond * meanHandleSeconds;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  const pWait = top / (sum + top);
  return { pWait, meanWait: pWait / (c / meanHandleSeconds - lambdaPerSecond) };
}

export const meanAndError = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, stderr: sd / Math.sqrt(xs.length) };
};

const root = join(__dirname, '../..');
const exec = promisify(execFile);

/** Runs `npm run simulate` with the arguments: its exit code, stdout and stderr. */
export const simulateCli = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  exec('npx', ['tsx', 'lambdas/simulator/cli/simulate.ts', ...args], { cwd: root }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
