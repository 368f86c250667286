import type { CompiledConfig } from '../domain/config/compiled-config';
import type { RoutingEvent } from '../domain/routing/events';
import type { CapacityPool } from '../domain/routing/work-item';
import { type ItemEvent, type ItemLive, replay, step } from './item-history';
import {
  emptyCounts,
  figures,
  KEPT_MINUTES,
  type MinuteCounts,
  midnightIn,
  minuteOf,
  serviceLevelTrend,
  type WindowFigures,
} from './windows';

interface RepLive {
  statusId?: string;
  loggedIn: boolean;
  loggedInAt?: number;
  /** When the rep's current status (or logged-out state) began. */
  statusSince?: number;
  /** The latest presence event applied (presence events carry no version; they are ordered by time). */
  presenceAt: number;
  used: Record<CapacityPool, number>;
  activeItems: number;
}

/** The read model as JSON: what the deployed feed keeps between batches (lambdas/handlers/command-center-feed). */
export interface CommandCenterState {
  items: Record<string, ItemLive>;
  reps: Record<string, RepLive>;
  minutes: Record<string, Record<string, MinuteCounts>>;
  /** Event ids applied recently (at-least-once delivery: a repeat is ignored), with when they happened. */
  seen: Record<string, number>;
  /** Waiting items over time, in all and (since 2026-12-08) per queue, sampled every 5 s. */
  history: { at: number; waiting: number; byQueue?: Record<string, number> }[];
}

/**
 * How long applied event ids, and ended items, are remembered. Repeats and late deliveries come within seconds
 * (the feed's queue retries in minutes); one later than this is counted again, or could show an ended item
 * waiting, which the next change of that queue does not correct. A bound keeps the model's size to an hour of
 * traffic.
 */
const SEEN_MS = 3600_000;
const WINDOWS = [15, 30, 60] as const;

/**
 * The Command Center read model (semantics §11), built only from routing events: what an EventBridge subscriber
 * sees, at least once and unordered. Counts are per event (repeats ignored by event id), per queue and minute;
 * item and rep state follow the highest item version and the latest presence event. Per queue: waiting, longest
 * wait, offers, accepts, declines, timeouts, abandons, service level and speed of answer over the last 15, 30 and
 * 60 minutes and since midnight in the center's time zone. Per rep: status and time in it, capacity, active items.
 */
export class CommandCenterProjection {
  private state: CommandCenterState;

  constructor(
    private readonly config: CompiledConfig,
    private readonly serviceLevelSeconds: number,
    state?: CommandCenterState,
  ) {
    this.state = state ?? { items: {}, reps: {}, minutes: {}, seen: {}, history: [] };
  }

  toState(): CommandCenterState {
    return this.state;
  }

  apply(e: RoutingEvent & { eventId?: string; itemVersion?: number }): void {
    if (e.eventId) {
      if (this.state.seen[e.eventId] !== undefined) return;
      this.state.seen[e.eventId] = e.at;
    }
    if (e.type === 'rep.presenceChanged') this.presence(e);
    else this.track(e);
  }

  private presence(e: Extract<RoutingEvent, { type: 'rep.presenceChanged' }>): void {
    const rep = this.rep(e.repId);
    if (!rep || e.at < rep.presenceAt) return;
    const changed = rep.loggedIn !== e.loggedIn || rep.statusId !== e.statusId;
    Object.assign(rep, {
      loggedIn: e.loggedIn,
      statusId: e.statusId,
      loggedInAt: e.loggedIn ? (rep.loggedInAt ?? e.at) : undefined,
      statusSince: changed ? e.at : (rep.statusSince ?? e.at),
      presenceAt: e.at,
    });
  }

  /** Counters: one per event, in the minute it happened, in the item's queue (once known). */
  private count(e: ItemEvent, item: ItemLive): void {
    const add = (key: keyof MinuteCounts, n = 1) => item.pending.push({ key, n, at: e.at });
    if (e.type === 'offer.created') add('offered');
    if (e.type === 'offer.declined') add('declined');
    if (e.type === 'offer.timedOut') add('timedOut');
    if (e.type === 'work.canceled' && e.reason === 'abandoned') add('abandoned');
    if (e.type === 'offer.accepted') {
      add('accepted');
      add('answerMs', e.waitMs);
      if (e.waitMs <= this.serviceLevelSeconds * 1000) add('withinServiceLevel');
    }
  }

  private flush(item: ItemLive): void {
    const queueId = item.queueId;
    if (!queueId) return;
    for (const { key, n, at } of item.pending) {
      const minutes = this.state.minutes[queueId] ?? {};
      this.state.minutes[queueId] = minutes;
      const bucket = minutes[minuteOf(at)] ?? emptyCounts();
      minutes[minuteOf(at)] = bucket;
      bucket[key] += n;
    }
    item.pending = [];
  }

  /** Adds the event to its item's history and replays the item's state from it, in commit order. */
  private track(e: ItemEvent): void {
    const item: ItemLive = this.state.items[e.itemId] ?? { steps: [], pending: [] };
    this.state.items[e.itemId] = item;
    const position = Number(/#(\d+)$/.exec(e.eventId ?? '')?.[1] ?? 0);
    const order = e.itemVersion !== undefined ? e.itemVersion * 1000 + position : (item.steps.at(-1)?.order ?? 0) + 1;
    item.steps.push(step(e, order));
    item.steps.sort((a, b) => a.order - b.order);
    this.count(e, item);
    this.unhold(item);
    Object.assign(item, replay(item.steps));
    if (item.held) this.hold(item, item.held);
    this.flush(item);
    // An ended item needs only its end (and queue) to stand against late events.
    if (item.endedAt !== undefined) item.steps = [{ ...item.steps.at(-1)!, queueId: item.queueId }];
  }

  private rep(repId: string): RepLive | undefined {
    if (!this.config.reps.has(repId)) return undefined;
    this.state.reps[repId] ??= {
      loggedIn: false,
      presenceAt: 0,
      used: { primary: 0, interruptible: 0 },
      activeItems: 0,
    };
    return this.state.reps[repId];
  }

  private hold(item: ItemLive, held: NonNullable<ItemLive['held']>): void {
    const { repId, pool, units } = held;
    item.held = held;
    const rep = this.rep(repId);
    if (!rep) return;
    rep.used[pool] += units;
    rep.activeItems++;
  }

  private unhold(item: ItemLive): void {
    const h = item.held;
    if (!h) return;
    item.held = undefined;
    const rep = this.rep(h.repId);
    if (!rep) return;
    rep.used[h.pool] = Math.max(0, rep.used[h.pool] - h.units);
    rep.activeItems = Math.max(0, rep.activeItems - 1);
  }

  /** Records the total waiting now, for the chart of waiting items over time, and forgets what is too old. */
  sample(now: number): void {
    const waitingItems = Object.values(this.state.items).filter((i) => i.waitingSince !== undefined);
    const byQueue: Record<string, number> = {};
    for (const i of waitingItems) if (i.queueId) byQueue[i.queueId] = (byQueue[i.queueId] ?? 0) + 1;
    this.state.history.push({ at: now, waiting: waitingItems.length, byQueue });
    if (this.state.history.length > 720) this.state.history.shift();
    for (const [id, at] of Object.entries(this.state.seen)) if (at < now - SEEN_MS) delete this.state.seen[id];
    for (const [id, item] of Object.entries(this.state.items))
      if (item.endedAt !== undefined && item.endedAt < now - SEEN_MS) delete this.state.items[id];
    const oldest = minuteOf(now) - KEPT_MINUTES;
    for (const minutes of Object.values(this.state.minutes))
      for (const m of Object.keys(minutes)) if (Number(m) < oldest) delete minutes[m];
  }

  snapshot(now: number) {
    const midnight = midnightIn(this.config.raw.timeZone, now);
    const waitingItems = Object.values(this.state.items).filter((i) => i.waitingSince !== undefined);
    const queues = this.config.raw.queues.map((q) => {
      const waits = waitingItems.filter((w) => w.queueId === q.id).map((w) => w.waitingSince!);
      const minutes = this.state.minutes[q.id] ?? {};
      const today = figures(minutes, midnight);
      const windows = Object.fromEntries(WINDOWS.map((m) => [`${m}m`, figures(minutes, now - m * 60_000)])) as Record<
        `${(typeof WINDOWS)[number]}m`,
        WindowFigures
      >;
      return {
        id: q.id,
        name: q.name ?? q.id,
        channel: q.channel,
        waiting: waits.length,
        longestWaitSeconds: waits.length ? Math.round((now - Math.min(...waits)) / 1000) : 0,
        ...figures(minutes, 0),
        windows: { ...windows, today },
        targets: q.targets,
        trend: {
          serviceLevel: serviceLevelTrend(minutes, now),
          waiting: this.state.history.map((h) => ({ at: h.at, waiting: h.byQueue?.[q.id] ?? 0 })),
        },
      };
    });
    const reps = this.config.raw.reps.map((r) => {
      const live = this.state.reps[r.id];
      const presence = this.config.rep(r.id).presence;
      const loggedIn = live?.loggedIn ?? false;
      return {
        id: r.id,
        name: r.name ?? r.id,
        group: r.group,
        loggedIn,
        loggedInAt: live?.loggedInAt ?? null,
        statusId: loggedIn ? (live?.statusId ?? null) : null,
        status: loggedIn ? (this.config.statuses.get(live?.statusId ?? '')?.name ?? live?.statusId ?? '') : 'Offline',
        statusSeconds: live?.statusSince ? Math.round((now - live.statusSince) / 1000) : null,
        used: { ...(live?.used ?? { primary: 0, interruptible: 0 }) },
        capacity: { primary: presence.capacity, interruptible: presence.interruptibleCapacity },
        activeItems: live?.activeItems ?? 0,
      };
    });
    const statuses = this.config.raw.statuses.map(({ id, name }) => ({ id, name }));
    const base = { at: now, name: this.config.raw.name, timeZone: this.config.raw.timeZone };
    return { ...base, statuses, queues, reps, history: [...this.state.history] };
  }
}

export type CommandCenterSnapshot = ReturnType<CommandCenterProjection['snapshot']>;
