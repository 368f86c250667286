import * as z from '../domain/zod';

/** The parts a scenario file is made of (scenario.ts puts them together). */
export const positive = z.number().check(z.positive());
export const distributionSchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('fixed'), mean: z.number().check(z.gte(0)) }),
  z.strictObject({ distribution: z.literal('exponential'), mean: positive }),
  z.strictObject({ distribution: z.literal('lognormal'), mean: positive, sd: positive }),
  z
    .strictObject({
      distribution: z.literal('uniform'),
      min: z.number().check(z.gte(0)),
      max: z.number().check(z.gte(0)),
    })
    .check(z.refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] })),
]);

/** A time of day on the scenario's clock, `HH:MM`. */
export const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM'));

/** A change of handle or patience time from a time of day on (the later of several wins). */
export const intervalChange = z.strictObject({
  from: clockTime,
  handleSeconds: z.optional(distributionSchema),
  patienceSeconds: z.optional(distributionSchema),
});

/** A shift of identical reps: logged in from start to end, on a break status during each break. */
export const shiftSchema = z.strictObject({
  reps: z.number().check(z.int(), z.gte(1)),
  start: clockTime,
  end: clockTime,
  breaks: z._default(
    z.array(z.strictObject({ start: clockTime, minutes: z.number().check(z.int(), z.gte(1), z.lte(240)) })),
    [],
  ),
});

export const requirement = z.strictObject({
  skill: z.string(),
  minLevel: z.number().check(z.int(), z.gte(1), z.lte(10)),
  additional: z.optional(z.boolean()),
  dropAfterSeconds: z.optional(z.number().check(z.int(), z.gte(0))),
});

/** With `contactCenter`: one group of the file staffed per interval or by shifts; its reps in file order. */
export const groupStaffingSchema = z.strictObject({
  group: z.string(),
  staffing: z.optional(z.array(z.number().check(z.int(), z.gte(0), z.lte(20000)))),
  shifts: z.optional(z.array(shiftSchema)),
});
