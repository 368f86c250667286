import type middy from '@middy/core';
import { invalidInput } from '../domain/input-problems';
import type * as z from '../domain/zod';

/**
 * Validates the event at the edge with zod and replaces it with the parsed value. Unlike a generic parse
 * failure, the error names every offending field (semantics §12), and nothing runs on bad input.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S): middy.MiddlewareObj<unknown, unknown> {
  return {
    before: (request) => {
      const parsed = schema.safeParse(request.event);
      if (!parsed.success) throw invalidInput(parsed.error);
      request.event = parsed.data;
    },
  };
}
