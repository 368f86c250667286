import { InvalidInputError } from '../domain/errors';
import type { Router } from '../domain/use-cases/router';
import { parseSubmission } from '../domain/use-cases/submission';
import * as z from '../domain/zod';
import { routerFromEnvironment } from '../shared/deps';
import { parsedEntryPoint } from '../shared/entry-point';
import { metrics } from '../shared/powertools';

export const WORK_SUBMITTED = 'Work Submitted';

/** A digital channel submits work as an EventBridge event; `detail` is the submission (see submitWorkSchema). */
export const workSubmittedEventSchema = z.looseObject({
  'detail-type': z.literal(WORK_SUBMITTED),
  // Passed through untouched (a record schema would drop keys such as `__proto__`); submitWork validates it whole.
  detail: z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    'must be an object',
  ),
});

/**
 * Digital work (chat, messaging, email, case) arriving on the bus. EventBridge delivers at least once; the
 * submission is idempotent per channel + source id, so a redelivery returns the same item.
 */
export const makeHandler = (router: () => Router) =>
  parsedEntryPoint(workSubmittedEventSchema, async (event) => {
    const submission = parseSubmission(event.detail);
    if (submission.channel === 'voice')
      throw new InvalidInputError('channel', 'voice arrives through the Connect hand-off');
    const outcome = await router().submitWork(submission);
    metrics.addMetric(outcome.decision.duplicate ? 'WorkSubmittedAgain' : 'WorkSubmitted', 'Count', 1);
    return outcome.decision;
  });

// Digital work only (voice arrives through the hand-off): no telephony, and no Connect grant.
export const handler = makeHandler(() => routerFromEnvironment());
