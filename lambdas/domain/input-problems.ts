import { InvalidInputError } from './errors';
import type * as z from './zod';

/*
 * How bad input is reported, at every edge and for the configuration alike. Apart from the configuration's
 * validation (config/validate-config.ts), so that a function that parses input does not load, and build, the whole
 * configuration schema.
 */

/** Formats a zod issue path the way a person reads a JSON document: `queues[2].priority`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

export function zodProblems(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`);
}

/** The field an issue is about; an unknown key is named itself, not its parent object. */
function fieldOf(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return '(root)';
  const path =
    issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
  return formatPath(path) || '(root)';
}

/** Bad input at an edge: names the first offending field and lists every problem. */
export function invalidInput(error: z.core.$ZodError): InvalidInputError {
  return new InvalidInputError(fieldOf(error.issues[0]), '', zodProblems(error));
}
