import { InvalidInputError } from '../domain/errors';
import { invalidInput } from '../domain/input-problems';
import * as z from '../domain/zod';

/** A due timer as the timer queue delivers it (an SQS message body, from a delay or a one-time schedule). */
export const timerSchema = z.strictObject({
  kind: z.enum([
    'pushTimeout',
    'skillDrop',
    'fallback',
    'overflow',
    'wrapUpEnd',
    'reoffer',
    'callbackDue',
    'recordingDue',
    'workspaceClosed',
  ]),
  itemId: z.string().check(z.minLength(1), z.maxLength(128)),
  dueAt: z.number().check(z.int(), z.positive()),
  guard: z.string().check(z.maxLength(256)),
});

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
