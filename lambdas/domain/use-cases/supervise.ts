import type { CompiledConfig } from '../config/compiled-config';
import type { SupervisorConfig } from '../config/schema';
import { ForbiddenError, InvalidInputError } from '../errors';
import { assess } from '../routing/eligibility';
import type { RoutingEvent, SupervisorAction } from '../routing/events';
import { queuedTimers } from '../routing/lifecycle';
import { singleRepExplanation } from '../routing/selection';
import { offer } from '../routing/transitions';
import type { WorkItem } from '../routing/work-item';
import { type Attempt, itemWrite, RETRY, repWrite, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { changeStatus, logOut, type PresenceDecision } from './presence';
import { repState, requireItem } from './reads';
import { routeItem } from './route-item';

/** What a supervisor's action on a waiting item decided. */
export type SuperviseDecision =
  | { readonly kind: 'assigned'; readonly itemId: string; readonly repId: string; readonly offerId: string }
  | { readonly kind: 'moved'; readonly itemId: string; readonly queueId: string }
  | { readonly kind: 'reprioritized'; readonly itemId: string; readonly priority: number }
  /** The rep cannot take it now (logged out, at capacity, wrong channel): nothing changed. */
  | { readonly kind: 'repUnavailable'; readonly itemId: string; readonly repId: string; readonly reason: string }
  /** The item is no longer waiting. */
  | { readonly kind: 'stale'; readonly itemId: string; readonly state: string };

/** A supervisor acts on the reps of their groups, and on work in the queues those reps serve. */
function supervises(config: CompiledConfig, sup: SupervisorConfig, repId: string): void {
  const rep = config.rep(repId, 'repId');
  if (!sup.groups.includes(rep.group))
    throw new ForbiddenError(`${sup.id} supervises ${sup.groups.join(', ')}, not ${repId}'s group ${rep.group}`);
}

export function supervisesQueue(config: CompiledConfig, sup: SupervisorConfig, queueId: string, field: string): void {
  config.queue(queueId, field);
  const served = [...config.reps.values()].some((r) => sup.groups.includes(r.group) && r.queues.includes(queueId));
  if (!served) throw new ForbiddenError(`no group ${sup.id} supervises serves queue ${queueId}`);
}

/** Changes a rep's status, or logs them out (`statusId` null), for the supervisor who asked. */
export async function setRepPresence(
  deps: RouterDeps,
  input: { supervisorId?: string; repId: string; statusId: string | null },
): Promise<Outcome<PresenceDecision>> {
  const config = await deps.config.get();
  supervises(config, config.supervisor(input.supervisorId), input.repId);
  const by = input.supervisorId!;
  if (input.statusId === null) return logOut(deps, { repId: input.repId, by });
  return changeStatus(deps, { repId: input.repId, statusId: input.statusId, by });
}

type ItemAction = (item: WorkItem, config: CompiledConfig, now: number) => Promise<Attempt<SuperviseDecision>>;

/**
 * Runs an action on a waiting item: checks who asks and the input (bad input is an error whatever state the item
 * is in, semantics §12), then that it still waits, retrying on a conflict.
 */
async function onWaitingItem(
  deps: RouterDeps,
  input: { supervisorId?: string; itemId: string },
  check: (config: CompiledConfig, sup: SupervisorConfig, item: WorkItem) => void,
  action: (fx: Effects, sup: SupervisorConfig) => ItemAction,
): Promise<Outcome<SuperviseDecision>> {
  const fx = new Effects(deps);
  const config = await deps.config.get();
  const sup = config.supervisor(input.supervisorId);
  const decision = await retrying('supervise', async () => {
    const item = await requireItem(deps, input.itemId);
    supervisesQueue(config, sup, item.queueId, 'itemId');
    check(config, sup, item);
    if (item.state !== 'Queued') return { kind: 'stale', itemId: item.id, state: item.state } as const;
    return action(fx, sup)(item, config, deps.clock.now());
  });
  return fx.outcome(decision);
}

const acted = (
  item: WorkItem,
  by: string,
  action: SupervisorAction,
  now: number,
  extra: Partial<Extract<RoutingEvent, { type: 'supervisor.acted' }>>,
): RoutingEvent => ({ type: 'supervisor.acted', at: now, itemId: item.id, by, action, ...extra });

/** Offers a waiting item to a rep of the supervisor's groups, without the decline option (like a transfer). */
export function assignWork(deps: RouterDeps, input: { supervisorId?: string; itemId: string; repId: string }) {
  const check = (config: CompiledConfig, sup: SupervisorConfig) => supervises(config, sup, input.repId);
  return onWaitingItem(deps, input, check, (fx, sup) => async (item, config, now) => {
    const before = await repState(deps, config, input.repId);
    const profile = config.rep(input.repId);
    // Aimed at the rep, as a transfer to them is: their skills and queues do not matter, their capacity does.
    const fallbackAfterSeconds = config.queue(item.queueId).pushTimeoutSeconds || 60;
    const direct: WorkItem = {
      ...item,
      target: { kind: 'rep', repId: input.repId, required: false, fallbackAfterSeconds },
      targetSince: now,
    };
    const a = assess(direct, profile, before, config, now);
    if (before.sessionId === undefined || !a.eligible) {
      const reason = before.sessionId === undefined ? 'loggedOut' : a.eligible ? '' : a.reason;
      return { kind: 'repUnavailable', itemId: item.id, repId: input.repId, reason };
    }
    const rep = before as typeof before & { sessionId: string };
    const offerId = deps.ids.next('offer');
    const explanation = singleRepExplanation(config, item.queueId);
    const t = offer(
      { item: direct, rep, profile, pool: a.pool, units: a.units, offerId, explanation, declinable: false },
      config,
      now,
    );
    const audit = acted(item, sup.id, 'assign', now, { repId: input.repId });
    const writes = [itemWrite(t.item, item), repWrite(config, t.rep!, before)];
    if (!(await fx.commit(writes, t, { events: [audit], timers: [] }))) return RETRY;
    return { kind: 'assigned', itemId: item.id, repId: input.repId, offerId };
  });
}

/** Moves a waiting item to another queue of its channel; it keeps its place in time (requestedAt). */
export function moveWork(deps: RouterDeps, input: { supervisorId?: string; itemId: string; queueId: string }) {
  const check = (config: CompiledConfig, sup: SupervisorConfig, item: WorkItem) => {
    supervisesQueue(config, sup, input.queueId, 'queueId');
    if (config.queue(input.queueId).channel !== item.channel)
      throw new InvalidInputError('queueId', `queue ${input.queueId} does not take ${item.channel} work`);
  };
  return onWaitingItem(deps, input, check, (fx, sup) => async (item, config, now) => {
    const next: WorkItem = {
      ...item,
      queueId: input.queueId,
      target: { kind: 'queue' },
      targetSince: now,
      relaxedSkills: [],
      version: item.version + 1,
    };
    const audit = acted(item, sup.id, 'move', now, { fromQueue: item.queueId, toQueue: input.queueId });
    if (!(await fx.commit([itemWrite(next, item)], { events: [audit], timers: queuedTimers(next, config) })))
      return RETRY;
    await routeItem(deps, item.id, fx);
    return { kind: 'moved', itemId: item.id, queueId: input.queueId };
  });
}

/** Changes a waiting item's priority (1 is first); its place in the waiting list follows. */
export function reprioritizeWork(deps: RouterDeps, input: { supervisorId?: string; itemId: string; priority: number }) {
  return onWaitingItem(
    deps,
    input,
    () => {},
    (fx, sup) => async (item, _config, now) => {
      const next: WorkItem = { ...item, priority: input.priority, version: item.version + 1 };
      const from = item.priority;
      const audit = acted(item, sup.id, 'reprioritize', now, {
        ...(from !== undefined ? { fromPriority: from } : {}),
        toPriority: input.priority,
      });
      if (!(await fx.commit([itemWrite(next, item)], { events: [audit], timers: [] }))) return RETRY;
      return { kind: 'reprioritized', itemId: item.id, priority: input.priority };
    },
  );
}
