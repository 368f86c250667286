import { InvalidInputError } from '../../../lambdas/domain/errors';
import { makeHandler as makeTimers } from '../../../lambdas/handlers/timers';
import { makeHandler as makeSubmitted } from '../../../lambdas/handlers/work-submitted';
import { workSubmittedEvent } from '../../fixtures/events/work-submitted';
import { smallCenter } from '../../fixtures/small-center';
import { makeHarness } from '../../support/harness';
import { lambdaContext } from '../../support/lambda-context';
import { sqsEvent } from '../../support/sqs-event';

const context = lambdaContext('f', 10000);
const submitted = workSubmittedEvent;

describe('timers handler', () => {
  it('fires due timers, ignores stale and duplicate ones, and drops malformed ones', async () => {
    const h = await makeHarness(smallCenter());
    await h.router.logIn({ repId: 'rep-a' });
    const itemId = (await h.router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' })).decision.itemId;
    const timer = h.timers.takeDue(Number.MAX_SAFE_INTEGER)[0]!;
    h.clock.set(timer.dueAt);
    const handler = makeTimers(() => h.router);
    const result = await handler(sqsEvent([JSON.stringify(timer), JSON.stringify(timer), '{"kind":"nap"}']), context);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(await h.item(itemId)).toMatchObject({
      state: 'Queued',
      exclusions: [{ repId: 'rep-a', reason: 'timedOut' }],
    });
    expect(h.events.ofType('offer.timedOut')).toHaveLength(1);
  });
});

describe('work submitted on the bus', () => {
  it('creates the item once, however often EventBridge delivers it', async () => {
    const h = await makeHarness(smallCenter());
    const handler = makeSubmitted(() => h.router);
    const event = submitted({
      channel: 'case',
      source: 'crm-case-77',
      queue: 'case-q',
      attributes: { subject: 'refund' },
    });
    const first = await handler(event as never, context);
    const again = await handler(event as never, context);
    expect(again).toMatchObject({ itemId: first.itemId, duplicate: true });
    expect((await h.snapshot()).items).toHaveLength(1);
  });

  it('rejects bad work naming the field', async () => {
    const h = await makeHarness(smallCenter());
    const handler = makeSubmitted(() => h.router);
    const err = await handler(submitted({ channel: 'case', queue: 'case-q' }) as never, context).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field).toBe('source');
    expect((await h.snapshot()).items).toHaveLength(0);
  });
});
