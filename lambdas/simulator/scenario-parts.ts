import * as z from 'zod';

/** The parts a scenario file is made of (scenario.ts puts them together). */
export const positive = z.number().positive();
export const distributionSchema = z.discriminatedUnion('distribution', [
  z.object({ distribution: z.literal('fixed'), mean: z.number().min(0) }).strict(),
  z.object({ distribution: z.literal('exponential'), mean: positive }).strict(),
  z.object({ distribution: z.literal('lognormal'), mean: positive, sd: positive }).strict(),
  z
    .object({ distribution: z.literal('uniform'), min: z.number().min(0), max: z.number().min(0) })
    .strict()
    .refine((d) => d.max >= d.min, { message: 'max must be at least min', path: ['max'] }),
]);

/** A time of day on the scenario's clock, `HH:MM`. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM');

/** A change of handle or patience time from a time of day on (the later of several wins). */
export const intervalChange = z
  .object({
    from: clockTime,
    handleSeconds: distributionSchema.optional(),
    patienceSeconds: distributionSchema.optional(),
  })
  .strict();

/** A shift of identical reps: logged in from start to end, on a break status during each break. */
export const shiftSchema = z
  .object({
    reps: z.number().int().min(1),
    start: clockTime,
    end: clockTime,
    breaks: z.array(z.object({ start: clockTime, minutes: z.number().int().min(1).max(240) }).strict()).default([]),
  })
  .strict();

export const requirement = z
  .object({
    skill: z.string(),
    minLevel: z.number().int().min(1).max(10),
    additional: z.boolean().optional(),
    dropAfterSeconds: z.number().int().min(0).optional(),
  })
  .strict();

/** With `contactCenter`: one group of the file staffed per interval or by shifts; its reps in file order. */
export const groupStaffingSchema = z
  .object({
    group: z.string(),
    staffing: z.array(z.number().int().min(0).max(20000)).optional(),
    shifts: z.array(shiftSchema).optional(),
  })
  .strict();
