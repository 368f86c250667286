import { rmSync } from 'node:fs';
import { InvalidInputError } from '../../lambdas/domain/errors';

/** Bundled by test/infra/stack-traces.test.ts as a function is: a throw from our sources, two calls deep. */
function refuse(field: string): never {
  throw new InvalidInputError(field, 'is bad', []);
}

export function handle(): void {
  refuse('queue');
}

// Removed after the bundle has loaded: a map read at load would still map the trace.
if (process.argv[2] === 'remove-map') rmSync(`${__filename}.map`);
try {
  handle();
} catch (err) {
  console.log((err as Error).stack);
}
