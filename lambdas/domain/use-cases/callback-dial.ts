import { InvalidInputError } from '../errors';
import { invalidInput } from '../input-problems';
import type { RoutingEvent } from '../routing/events';
import { release } from '../routing/rep';
import type { DialOutcome, WorkItem } from '../routing/work-item';
import * as z from '../zod';
import { callbackDueTimer } from './callbacks';
import { type Attempt, itemWrite, RETRY, repWrite, retrying, sourceClaim } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { holderOf, requireItem } from './reads';

export const dialOutcomeSchema = z.strictObject({
  itemId: z.string().check(z.minLength(1), z.maxLength(128)),
  outcome: z.enum(['answered', 'noAnswer', 'busy', 'failed', 'answeredNotConnected']),
  /** The dial's contact id, when Connect reports it: an outcome for an older dial is ignored. */
  contactId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  /** A rep reporting the outcome must hold the callback (semantics §9: reps act only on their own work). */
  repId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});

export type DialOutcomeInput = z.input<typeof dialOutcomeSchema>;

export type DialDecision =
  | { readonly kind: 'dialed'; readonly itemId: string; readonly attempt: number; readonly contactId?: string }
  | { readonly kind: 'connected' | 'retryScheduled' | 'exhausted'; readonly itemId: string }
  | { readonly kind: 'stale'; readonly itemId: string };

/**
 * An assigned callback whose assignment has not dialed yet. One whose customer answered (on the line, or connected)
 * is never dialed again: a re-offer after an unreachable rep is a new assignment of the same call.
 */
export const needsDial = (item: WorkItem | undefined) =>
  item?.channel === 'callback' &&
  item.state === 'Assigned' &&
  item.callback !== undefined &&
  item.callback.onLineSince === undefined &&
  !item.callback.connected &&
  item.reservation !== undefined &&
  item.callback.dialOfferId !== item.reservation.offerId;

/**
 * A rep has accepted a callback: start the outbound call (StartOutboundVoiceContact through the telephony port)
 * and keep the rep's voice capacity held by the assignment. The dial is idempotent per attempt (its client
 * token), so a crash and a retry never call the customer twice. Without telephony the rep dials and reports.
 */
export async function dialCallback(
  deps: RouterDeps,
  itemId: string,
  fx = new Effects(deps),
): Promise<Outcome<DialDecision>> {
  let failed = false;
  const decision = await retrying('dialCallback', async (): Promise<Attempt<DialDecision>> => {
    const item = await deps.store.getItem(itemId);
    if (!needsDial(item)) return { kind: 'stale', itemId };
    const cb = item!.callback!;
    const r = item!.reservation!;
    const attempt = cb.attempts + 1;
    let contactId: string | undefined;
    failed = false;
    try {
      contactId = (
        await deps.telephony?.dial?.({
          clientToken: `${itemId}-${attempt}`,
          phoneNumber: cb.phoneNumber,
          attributes: { routerItemId: itemId },
        })
      )?.contactId;
    } catch (err) {
      deps.telephony?.reportFailure?.(err, itemId);
      failed = true;
    }
    const next: WorkItem = {
      ...item!,
      callback: { ...cb, attempts: attempt, dialOfferId: r.offerId, dialContactId: contactId, connected: false },
      version: item!.version + 1,
    };
    const claim = contactId ? [sourceClaim('voice', contactId, itemId, deps.clock.now())] : [];
    const dialed: RoutingEvent = {
      type: 'callback.dialed',
      at: deps.clock.now(),
      itemId,
      repId: r.repId,
      attempt,
      contactId,
    };
    if (!(await fx.commit([itemWrite(next, item!), ...claim], { events: [dialed], timers: [] }))) return RETRY;
    return { kind: 'dialed', itemId, attempt, contactId };
  });
  if (failed) return recordDialOutcome(deps, { itemId, outcome: 'failed' }, fx);
  return fx.outcome(decision);
}

/**
 * How a dial went (Connect contact events, or the rep). Answered: the call goes on and ends like any call. Not
 * reached: the rep's capacity is released and the callback is scheduled again after `retryAfterSeconds`, until
 * `maxAttempts` dials have failed; then it is completed as unreachable. Every outcome is recorded on the item.
 */
export async function recordDialOutcome(
  deps: RouterDeps,
  input: DialOutcomeInput,
  fx = new Effects(deps),
): Promise<Outcome<DialDecision>> {
  const parsed = dialOutcomeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { itemId, outcome, contactId, repId } = parsed.data;
  let freedRep: string | undefined;
  const decision = await retrying('dialOutcome', async (): Promise<Attempt<DialDecision>> => {
    const item = await requireItem(deps, itemId);
    if (repId !== undefined && item.reservation?.repId !== repId) {
      throw new InvalidInputError('repId', `item ${item.id} is not assigned to ${repId}`);
    }
    const cb = item.callback;
    const r = item.reservation;
    if (
      item.state !== 'Assigned' ||
      !cb ||
      !r ||
      cb.connected ||
      (contactId !== undefined && cb.dialContactId !== contactId)
    )
      return { kind: 'stale', itemId };
    const now = deps.clock.now();
    const outcomes = [...cb.outcomes, { at: now, outcome: outcome as DialOutcome }];
    if (outcome === 'answered') {
      const next: WorkItem = { ...item, callback: { ...cb, connected: true, outcomes }, version: item.version + 1 };
      const connected: RoutingEvent = {
        type: 'callback.connected',
        at: now,
        itemId,
        repId: r.repId,
        attempt: cb.attempts,
      };
      if (!(await fx.commit([itemWrite(next, item)], { events: [connected], timers: [] }))) return RETRY;
      return { kind: 'connected', itemId };
    }
    const config = await deps.config.get();
    const rep = await holderOf(deps, config, item);
    if (!rep) return RETRY;
    // A customer who answered and then hung up before a rep was connected is not called again.
    const retry = cb.attempts < cb.maxAttempts && outcome !== 'answeredNotConnected';
    const dueAt = now + cb.retryAfterSeconds * 1000;
    const next: WorkItem = retry
      ? {
          ...item,
          state: 'Scheduled',
          reservation: undefined,
          targetSince: dueAt,
          version: item.version + 1,
          callback: { ...cb, dueAt, outcomes, dialContactId: undefined, dialOfferId: undefined, connected: undefined },
        }
      : {
          ...item,
          state: 'Completed',
          outcome: outcome === 'answeredNotConnected' ? outcome : 'unreachable',
          endedAt: now,
          version: item.version + 1,
          callback: { ...cb, outcomes },
        };
    const failed: RoutingEvent = {
      type: 'callback.attemptFailed',
      at: now,
      itemId,
      repId: r.repId,
      attempt: cb.attempts,
      outcome: outcome as 'noAnswer' | 'busy' | 'failed' | 'answeredNotConnected',
      retryAt: retry ? dueAt : undefined,
    };
    const completed: RoutingEvent = { type: 'work.completed', at: now, itemId, repId: r.repId };
    const exhausted: RoutingEvent = { type: 'callback.exhausted', at: now, itemId, attempts: cb.attempts };
    const events: RoutingEvent[] = retry
      ? [failed]
      : outcome === 'answeredNotConnected'
        ? [failed, completed]
        : [failed, exhausted, completed];
    const writes = [itemWrite(next, item), repWrite(config, release(rep, r.pool, r.units), rep)];
    if (!(await fx.commit(writes, { events, timers: retry ? [callbackDueTimer(next)] : [] }))) return RETRY;
    freedRep = r.repId;
    return { kind: retry ? 'retryScheduled' : 'exhausted', itemId };
  });
  if (freedRep) await findWorkForRep(deps, freedRep, fx);
  return fx.outcome(decision);
}
