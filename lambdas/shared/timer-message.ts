import * as z from 'zod';
import { InvalidInputError } from '../domain/errors';
import { invalidInput } from '../domain/input-problems';

/** A due timer as the timer queue delivers it (an SQS message body, from a delay or a one-time schedule). */
export const timerSchema = z
  .object({
    kind: z.enum([
      'pushTimeout',
      'skillDrop',
      'fallback',
      'overflow',
      'wrapUpEnd',
      'reoffer',
      'callbackDue',
      'recordingDue',
    ]),
    itemId: z.string().min(1).max(128),
    dueAt: z.number().int().positive(),
    guard: z.string().max(256),
  })
  .strict();

export function parseTimer(body: string): z.infer<typeof timerSchema> | InvalidInputError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return new InvalidInputError('body', 'is not valid JSON');
  }
  const parsed = timerSchema.safeParse(json);
  return parsed.success ? parsed.data : invalidInput(parsed.error);
}
