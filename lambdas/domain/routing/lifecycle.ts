import type { CompiledConfig } from '../config/compiled-config';
import { RouterError } from '../errors';
import type { QueuedReason, RoutingEvent, Timer } from './events';
import { type RepState, release } from './rep';
import type { Transition } from './transitions';
import type { WorkItem } from './work-item';

/** Assigned → WrapUp (capacity held for after-contact work) or → Completed, releasing capacity. */
export function complete(item: WorkItem, rep: RepState, config: CompiledConfig, now: number): Transition {
  const r = item.reservation;
  if (item.state !== 'Assigned' || !r) throw new RouterError(`cannot complete item ${item.id} in state ${item.state}`);
  const wrapUpSeconds = config.channel(item.channel).wrapUpSeconds;
  if (wrapUpSeconds > 0) {
    const wrapUpEndsAt = now + wrapUpSeconds * 1000;
    return {
      item: { ...item, state: 'WrapUp', wrapUpEndsAt, version: item.version + 1 },
      events: [
        { type: 'work.wrapUpStarted', at: now, itemId: item.id, offerId: r.offerId, repId: r.repId, wrapUpEndsAt },
      ],
      timers: [{ kind: 'wrapUpEnd', itemId: item.id, dueAt: wrapUpEndsAt, guard: r.offerId }],
    };
  }
  return finish(item, rep, now);
}

/** WrapUp (or Assigned with no wrap-up) → Completed: the one place a completed reservation is released. */
export function finish(item: WorkItem, rep: RepState, now: number): Transition {
  const r = item.reservation;
  if ((item.state !== 'WrapUp' && item.state !== 'Assigned') || !r) {
    throw new RouterError(`cannot finish item ${item.id} in state ${item.state}`);
  }
  return {
    item: { ...item, state: 'Completed', endedAt: now, version: item.version + 1 },
    rep: release(rep, r.pool, r.units),
    events: [{ type: 'work.completed', at: now, itemId: item.id, repId: r.repId }],
    timers: [],
  };
}

/** Queued/Offered → Canceled when the customer leaves; an offer's reservation is released. */
export function cancel(item: WorkItem, rep: RepState | undefined, reason: string, now: number): Transition {
  if (item.state !== 'Queued' && item.state !== 'Offered') {
    throw new RouterError(`cannot cancel item ${item.id} in state ${item.state}`);
  }
  const r = item.reservation;
  const canceled: WorkItem = { ...item, state: 'Canceled', outcome: reason, endedAt: now, version: item.version + 1 };
  if (item.state === 'Offered' && r) {
    if (!rep) throw new RouterError(`rep ${r.repId} holding item ${item.id} is missing`);
    return {
      item: canceled,
      rep: release(rep, r.pool, r.units),
      timers: [],
      events: [{ type: 'work.canceled', at: now, itemId: item.id, reason, repId: r.repId }],
    };
  }
  return { item: canceled, events: [{ type: 'work.canceled', at: now, itemId: item.id, reason }], timers: [] };
}

/**
 * Rules that fire with time on a queued item: overflow by wait time, then direct-to-rep or skills fallback.
 * Applied when a timer fires and whenever an item returns to its queue, so a rule that came due while
 * the item was offered is not lost.
 */
export function applyDueRules(item: WorkItem, config: CompiledConfig, now: number, preferredRepLoggedIn = true) {
  const events: RoutingEvent[] = [];
  let next = item;
  const overflow = config.queue(item.queueId).overflow;
  if (overflow && now >= item.targetSince + overflow.afterSeconds * 1000) {
    next = { ...next, queueId: overflow.toQueue, target: { kind: 'queue' }, targetSince: now, relaxedSkills: [] };
    events.push({
      type: 'work.overflowed',
      at: now,
      itemId: item.id,
      fromQueue: item.queueId,
      toQueue: overflow.toQueue,
    });
  }
  const target = next.target;
  if (target.kind === 'rep' && !target.required) {
    const due =
      target.fallbackAfterSeconds !== undefined && now >= next.targetSince + target.fallbackAfterSeconds * 1000;
    if (due || !preferredRepLoggedIn) {
      const skills = target.fallbackSkills;
      next = {
        ...next,
        target: skills ? { kind: 'skills', requirements: skills } : { kind: 'queue' },
        targetSince: now,
      };
      events.push({
        type: 'work.fellBack',
        at: now,
        itemId: item.id,
        to: skills ? 'skills' : 'queue',
        reason: due ? 'timer' : 'preferredRepLoggedOut',
      });
    }
  } else if (
    target.kind === 'skills' &&
    target.fallbackAfterSeconds !== undefined &&
    now >= next.targetSince + target.fallbackAfterSeconds * 1000
  ) {
    next = { ...next, target: { kind: 'queue' }, targetSince: now };
    events.push({ type: 'work.fellBack', at: now, itemId: item.id, to: 'queue', reason: 'timer' });
  }
  if (events.length === 0) return { item, events };
  return { item: { ...next, version: item.version + 1 }, events };
}

/** An item is waiting in its queue now, for `reason`. */
export function queuedEvent(item: WorkItem, reason: QueuedReason): RoutingEvent {
  const { id: itemId, channel, queueId, source, targetSince: at } = item;
  return { type: 'work.queued', at, itemId, channel, queueId, source, reason };
}

/** The timers a queued item needs for its current target; guarded by `targetSince`, which changes with the target. */
export function queuedTimers(item: WorkItem, config: CompiledConfig): Timer[] {
  const timers: Timer[] = [];
  const guard = `${item.queueId}@${item.targetSince}`;
  const at = (seconds: number) => item.targetSince + seconds * 1000;
  const overflow = config.queue(item.queueId).overflow;
  if (overflow) timers.push({ kind: 'overflow', itemId: item.id, dueAt: at(overflow.afterSeconds), guard });
  const t = item.target;
  if ((t.kind === 'rep' && !t.required) || t.kind === 'skills') {
    if (t.fallbackAfterSeconds !== undefined)
      timers.push({ kind: 'fallback', itemId: item.id, dueAt: at(t.fallbackAfterSeconds), guard });
  }
  if (t.kind === 'skills') {
    for (const r of t.requirements) {
      if (r.additional && r.dropAfterSeconds !== undefined)
        timers.push({ kind: 'skillDrop', itemId: item.id, dueAt: at(r.dropAfterSeconds), guard });
    }
  }
  return timers;
}

/** Additional skills dropped by now and not yet announced (semantics §6, event "skills relaxed"). */
export function newlyRelaxed(item: WorkItem, now: number): string[] {
  if (item.target.kind !== 'skills') return [];
  return item.target.requirements
    .filter((r) => r.additional && now >= item.targetSince + (r.dropAfterSeconds ?? 0) * 1000)
    .map((r) => r.skill)
    .filter((s) => !item.relaxedSkills.includes(s));
}
