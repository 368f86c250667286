import * as z from 'zod';

/**
 * How much capacity a piece of work takes: a number of units, or a share of the rep's capacity. In a module of its
 * own because submissions parse it too: every function would otherwise build the whole configuration schema when it
 * loads (zod schemas are built by calls a bundler cannot drop), though only the configuration loader validates one.
 */
export const workSizeSchema = z.union([
  z.object({ units: z.number().int().positive() }).strict(),
  z.object({ percentage: z.number().int().min(1).max(100) }).strict(),
]);
