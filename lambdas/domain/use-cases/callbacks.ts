import { InvalidInputError } from '../errors';
import { invalidInput } from '../input-problems';
import type { RoutingEvent, Timer } from '../routing/events';
import { queuedEvent, queuedTimers } from '../routing/lifecycle';
import type { WorkItem } from '../routing/work-item';
import * as z from '../zod';
import { type Attempt, itemWrite, newItem, RETRY, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { type LeftCall, leaveQueue, replacing } from './leave-queue';
import { requireItem } from './reads';
import { routeItem } from './route-item';

const DAY_MS = 86_400_000;
const DEFAULT_RETRY = { maxAttempts: 3, retryAfterSeconds: 600 };

/**
 * A callback request (semantics §9), from the flow (`source` = the contact id) or the API (`source` = your own
 * request id).
 */
export const callbackRequestSchema = z.strictObject({
  source: z.string().check(z.minLength(1), z.maxLength(256)),
  queue: z.string().check(z.minLength(1), z.maxLength(64)),
  phoneNumber: z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number, e.g. +441234567890')),
  /** Epoch ms to call at; omitted (or past) means as soon as a rep is free. At most 30 days ahead. */
  at: z.optional(z.number().check(z.int(), z.positive())),
  attributes: z._default(z.record(z.string().check(z.maxLength(128)), z.string().check(z.maxLength(1024))), {}),
  /** `source` is a waiting call's contact id: that call ends (reason callbackRequested) and its place is kept. */
  leavesQueue: z._default(z.boolean(), false),
});

export type CallbackRequestInput = z.input<typeof callbackRequestSchema>;

export type CallbackDecision =
  | {
      readonly kind: 'scheduled' | 'queued';
      readonly itemId: string;
      readonly dueAt: number;
      readonly duplicate: boolean;
    }
  | { readonly kind: 'fired' | 'stale'; readonly itemId: string };

export const callbackDueTimer = (item: WorkItem): Timer => ({
  kind: 'callbackDue',
  itemId: item.id,
  dueAt: item.callback!.dueAt,
  guard: `attempt-${item.callback!.attempts}`,
});

/**
 * Stores a callback, idempotent per source: scheduled for later, or queued and routed now. From a waiting call
 * (`leavesQueue`), that call ends in the same transaction and the callback keeps its place in line.
 */
export async function requestCallback(
  deps: RouterDeps,
  input: CallbackRequestInput,
): Promise<Outcome<CallbackDecision>> {
  const parsed = callbackRequestSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const data = parsed.data;
  const fx = new Effects(deps);
  const config = await deps.config.get();
  const queue = config.queue(data.queue, 'queue');
  if (queue.channel !== 'callback')
    throw new InvalidInputError('queue', `queue '${queue.id}' takes ${queue.channel} work, not callbacks`);
  const now = deps.clock.now();
  if (data.at !== undefined && data.at > now + 30 * DAY_MS)
    throw new InvalidInputError('at', 'is more than 30 days ahead');
  const dueAt = Math.max(now, data.at ?? now);
  const retry = queue.callbackRetry ?? DEFAULT_RETRY;
  const stored = await retrying('requestCallback', async (): Promise<Attempt<Stored>> => {
    const winner = await deps.store.itemIdForSource('callback', data.source);
    if (winner) return { duplicate: await requireItem(deps, winner) };
    const left = data.leavesQueue ? await leaveQueue(deps, config, data.source, 'callbackRequested') : undefined;
    if (left === RETRY) return RETRY;
    const item: WorkItem = {
      id: deps.ids.next('work'),
      channel: 'callback',
      source: data.source,
      queueId: queue.id,
      target: { kind: 'queue' },
      interruptible: false,
      requestedAt: left?.requestedAt ?? now,
      targetSince: dueAt,
      attributes: data.attributes,
      state: dueAt > now ? 'Scheduled' : 'Queued',
      version: 1,
      exclusions: [],
      relaxedSkills: [],
      offers: 0,
      callback: { phoneNumber: data.phoneNumber, dueAt, attempts: 0, ...retry, outcomes: [] },
    };
    const requested: RoutingEvent = {
      type: 'callback.requested',
      at: now,
      itemId: item.id,
      queueId: queue.id,
      dueAt,
      ...replacing(left),
    };
    const created =
      item.state === 'Scheduled'
        ? { events: [requested], timers: [callbackDueTimer(item)] }
        : { events: [requested, queuedEvent(item, 'submitted')], timers: queuedTimers(item, config) };
    const writes = [newItem(item, now), ...(left?.writes ?? [])];
    return (await fx.commit(writes, ...(left ? [left.canceled] : []), created)) ? { item, left } : RETRY;
  });
  if ('duplicate' in stored) {
    const existing = stored.duplicate;
    const kind = existing.state === 'Scheduled' ? 'scheduled' : 'queued';
    return fx.outcome({ kind, itemId: existing.id, dueAt: existing.callback?.dueAt ?? dueAt, duplicate: true });
  }
  const { item, left } = stored;
  if (item.state === 'Queued') await routeItem(deps, item.id, fx, item);
  if (left?.releasedRepId) await findWorkForRep(deps, left.releasedRepId, fx);
  return fx.outcome({
    kind: item.state === 'Scheduled' ? 'scheduled' : 'queued',
    itemId: item.id,
    dueAt,
    duplicate: false,
  });
}

type Stored = { readonly duplicate: WorkItem } | { readonly item: WorkItem; readonly left?: LeftCall };

/** The callback's time has come (timer or sweeper): Scheduled → Queued, then routed like any work. */
export async function callbackDue(
  deps: RouterDeps,
  timer: Timer,
  fx = new Effects(deps),
): Promise<Outcome<CallbackDecision>> {
  const decision = await retrying('callbackDue', async (): Promise<Attempt<CallbackDecision>> => {
    const item = await requireItem(deps, timer.itemId);
    if (item.state !== 'Scheduled' || !item.callback || `attempt-${item.callback.attempts}` !== timer.guard)
      return { kind: 'stale', itemId: item.id };
    const config = await deps.config.get();
    const now = deps.clock.now();
    const queued: WorkItem = { ...item, state: 'Queued', targetSince: now, version: item.version + 1 };
    const caused = { events: [queuedEvent(queued, 'callbackDue')], timers: queuedTimers(queued, config) };
    if (!(await fx.commit([itemWrite(queued, item)], caused))) return RETRY;
    return { kind: 'fired', itemId: item.id };
  });
  if (decision.kind === 'fired') await routeItem(deps, timer.itemId, fx);
  return fx.outcome(decision);
}
