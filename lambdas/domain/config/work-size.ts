import * as z from '../zod';

/**
 * How much capacity a piece of work takes: a number of units, or a share of the rep's capacity. In a module of its
 * own because submissions parse it too: every function would otherwise build the whole configuration schema when it
 * loads (zod schemas are built by calls a bundler cannot drop), though only the configuration loader validates one.
 */
export const workSizeSchema = z.union([
  z.strictObject({ units: z.number().check(z.int(), z.positive()) }),
  z.strictObject({ percentage: z.number().check(z.int(), z.gte(1), z.lte(100)) }),
]);
