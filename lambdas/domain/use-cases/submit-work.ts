import { InvalidInputError } from '../errors';
import { queuedTimers } from '../routing/lifecycle';
import type { WorkItem } from '../routing/work-item';
import { newItem, repWrite } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { offerOnArrival, type RouteDecision, routeItem } from './route-item';
import { assertSizeFits, parseSubmission, type SubmitWorkInput, targetOf } from './submission';

export type SubmitDecision = {
  readonly kind: 'submitted';
  readonly itemId: string;
  readonly duplicate: boolean;
  readonly routing?: RouteDecision;
};

/** Submits work (semantics §3), idempotent per channel + source id, then routes it at once (push). */
export async function submitWork(deps: RouterDeps, input: SubmitWorkInput): Promise<Outcome<SubmitDecision>> {
  const fx = new Effects(deps);
  const data = parseSubmission(input);
  const config = await deps.config.get();
  const channel = config.channel(data.channel);
  const queue = config.queue(data.queue, 'queue');
  if (queue.channel !== channel.name)
    throw new InvalidInputError('queue', `queue '${queue.id}' takes ${queue.channel} work, not ${channel.name}`);
  const target = targetOf(data, config, queue);
  const now = deps.clock.now();
  const item: WorkItem = {
    // Derived from the source: creating the item is the source's claim, in the same write (semantics §3).
    id: deps.ids.forSource(channel.name, data.source),
    channel: channel.name,
    source: data.source,
    queueId: queue.id,
    target,
    priority: data.priority,
    secondaryPriority: data.secondaryPriority,
    size: data.size,
    interruptible:
      channel.name !== 'voice' && config.usesInterruptiblePool && (data.interruptible ?? channel.interruptible),
    requestedAt: data.requestedAt ?? now,
    targetSince: now,
    attributes: data.attributes,
    state: 'Queued',
    version: 1,
    exclusions: [],
    relaxedSkills: [],
    offers: 0,
  };
  assertSizeFits(config, item);
  const queued = {
    events: [
      {
        type: 'work.queued',
        at: now,
        itemId: item.id,
        channel: item.channel,
        queueId: item.queueId,
        source: item.source,
        reason: 'submitted',
      },
    ] as const,
    timers: queuedTimers(item, config),
  };
  // Fast path: the create and the first offer in one transaction (one write of the item instead of two). A cached
  // pick that lost is chosen again once from a fresh read, still in one transaction (see routeItem).
  for (const fresh of [false, true]) {
    const first = await offerOnArrival(deps, config, item, now, fresh);
    if (!first) break;
    const writes = [newItem(first.item, now), repWrite(config, first.rep, first.before)];
    const result = await fx.commitOrConflict(writes, queued, first);
    if (result.committed) {
      return fx.outcome({ kind: 'submitted', itemId: item.id, duplicate: false, routing: first.decision });
    }
    if (result.itemConflict) return duplicate(deps, fx, channel.name, data.source);
    if (!first.fresh) continue;
    // A fresh choice lost a race for its rep: refresh that rep, so the routing below does not try the same state.
    if (deps.candidates) {
      const latest = await deps.store.getRep(first.before.repId);
      if (latest) deps.candidates.update(latest);
    }
    break;
  }
  // The create also claims the source id: a duplicate submission (Connect retries) loses here.
  if (!(await fx.commit([newItem(item, now)], queued))) return duplicate(deps, fx, channel.name, data.source);
  const routing = await routeItem(deps, item.id, fx, item);
  return fx.outcome({ kind: 'submitted', itemId: item.id, duplicate: false, routing: routing.decision });
}

/**
 * A repeated submission is answered with the first item. It is also routed again: if the first attempt stopped
 * between the create and the offer (a crash, a timeout), the retry finishes the job; otherwise it is a no-op.
 */
async function duplicate(
  deps: RouterDeps,
  fx: Effects,
  channel: string,
  source: string,
): Promise<Outcome<SubmitDecision>> {
  const winner = await deps.store.itemIdForSource(channel, source);
  if (!winner) throw new InvalidInputError('source', 'the item could not be created; retry');
  const routing = await routeItem(deps, winner, fx);
  return fx.outcome({ kind: 'submitted', itemId: winner, duplicate: true, routing: routing.decision });
}
