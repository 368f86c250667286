import type { CompiledConfig } from '../domain/config/compiled-config';
import type { RoutingEvent } from '../domain/routing/events';
import type { CapacityPool } from '../domain/routing/work-item';

interface QueueCounters {
  offered: number;
  accepted: number;
  declined: number;
  timedOut: number;
  abandoned: number;
  withinServiceLevel: number;
}
interface RepLive {
  statusId?: string;
  loggedIn: boolean;
  loggedInAt?: number;
  used: Record<CapacityPool, number>;
  activeItems: number;
}

/**
 * The Command Center read model (semantics §11), built only from routing events: what an EventBridge subscriber
 * would see. Per queue: waiting, longest wait, offers, declines, timeouts, abandons, service level. Per rep:
 * status, login time, used and total capacity in each pool, active items.
 */
export class CommandCenterProjection {
  private readonly waiting = new Map<string, { queueId: string; since: number }>();
  private readonly itemQueue = new Map<string, string>();
  private readonly held = new Map<string, { repId: string; pool: CapacityPool; units: number }>();
  private readonly counters = new Map<string, QueueCounters>();
  private readonly reps = new Map<string, RepLive>();
  private readonly history: { at: number; waiting: number }[] = [];

  constructor(
    private readonly config: CompiledConfig,
    private readonly serviceLevelSeconds: number,
  ) {
    for (const q of config.raw.queues)
      this.counters.set(q.id, {
        offered: 0,
        accepted: 0,
        declined: 0,
        timedOut: 0,
        abandoned: 0,
        withinServiceLevel: 0,
      });
    for (const r of config.raw.reps)
      this.reps.set(r.id, { loggedIn: false, used: { primary: 0, interruptible: 0 }, activeItems: 0 });
  }

  apply(e: RoutingEvent): void {
    if (e.type === 'rep.presenceChanged') {
      const rep = this.reps.get(e.repId);
      if (rep)
        Object.assign(rep, {
          loggedIn: e.loggedIn,
          statusId: e.statusId,
          loggedInAt: e.loggedIn ? (rep.loggedInAt ?? e.at) : undefined,
        });
      return;
    }
    const queueOf = () => this.itemQueue.get(e.itemId);
    const count = (key: keyof QueueCounters) => {
      const q = queueOf();
      if (q) this.counters.get(q)![key]++;
    };
    switch (e.type) {
      case 'work.queued':
        this.itemQueue.set(e.itemId, e.queueId);
        this.waiting.set(e.itemId, { queueId: e.queueId, since: this.waiting.get(e.itemId)?.since ?? e.at });
        break;
      case 'work.overflowed': {
        const w = this.waiting.get(e.itemId);
        if (w) w.queueId = e.toQueue;
        this.itemQueue.set(e.itemId, e.toQueue);
        break;
      }
      case 'supervisor.acted': {
        if (e.action !== 'move' || !e.toQueue) break;
        const w = this.waiting.get(e.itemId);
        if (w) w.queueId = e.toQueue;
        this.itemQueue.set(e.itemId, e.toQueue);
        break;
      }
      case 'offer.created':
        this.waiting.delete(e.itemId);
        this.itemQueue.set(e.itemId, e.queueId);
        count('offered');
        this.hold(e.itemId, e.repId, e.pool, e.units);
        break;
      case 'offer.accepted':
        count('accepted');
        if (e.waitMs <= this.serviceLevelSeconds * 1000) count('withinServiceLevel');
        break;
      case 'offer.declined':
        count('declined');
        this.unhold(e.itemId);
        break;
      case 'offer.timedOut':
        count('timedOut');
        this.unhold(e.itemId);
        break;
      case 'offer.rescinded':
      case 'work.completed':
        this.unhold(e.itemId);
        break;
      case 'work.canceled':
        if (e.reason === 'abandoned') count('abandoned');
        this.waiting.delete(e.itemId);
        this.unhold(e.itemId);
        break;
      default:
        break;
    }
  }

  private hold(itemId: string, repId: string, pool: CapacityPool, units: number): void {
    this.held.set(itemId, { repId, pool, units });
    const rep = this.reps.get(repId);
    if (rep) {
      rep.used[pool] += units;
      rep.activeItems++;
    }
  }

  private unhold(itemId: string): void {
    const h = this.held.get(itemId);
    if (!h) return;
    this.held.delete(itemId);
    const rep = this.reps.get(h.repId);
    if (rep) {
      rep.used[h.pool] -= h.units;
      rep.activeItems--;
    }
  }

  /** Records the total waiting now, for the chart of waiting items over time. */
  sample(now: number): void {
    this.history.push({ at: now, waiting: this.waiting.size });
    if (this.history.length > 720) this.history.shift();
  }

  snapshot(now: number) {
    const queues = this.config.raw.queues.map((q) => {
      const waits = [...this.waiting.values()].filter((w) => w.queueId === q.id);
      const c = this.counters.get(q.id)!;
      return {
        id: q.id,
        name: q.name ?? q.id,
        channel: q.channel,
        waiting: waits.length,
        longestWaitSeconds: waits.length ? Math.round((now - Math.min(...waits.map((w) => w.since))) / 1000) : 0,
        ...c,
        serviceLevel: c.accepted ? c.withinServiceLevel / c.accepted : null,
      };
    });
    const reps = this.config.raw.reps.map((r) => {
      const live = this.reps.get(r.id)!;
      const presence = this.config.rep(r.id).presence;
      return {
        id: r.id,
        name: r.name ?? r.id,
        group: r.group,
        loggedIn: live.loggedIn,
        loggedInAt: live.loggedInAt ?? null,
        status: live.loggedIn
          ? (this.config.statuses.get(live.statusId ?? '')?.name ?? live.statusId ?? '')
          : 'Offline',
        used: { ...live.used },
        capacity: { primary: presence.capacity, interruptible: presence.interruptibleCapacity },
        activeItems: live.activeItems,
      };
    });
    return { at: now, name: this.config.raw.name, queues, reps, history: [...this.history] };
  }
}

export type CommandCenterSnapshot = ReturnType<CommandCenterProjection['snapshot']>;
