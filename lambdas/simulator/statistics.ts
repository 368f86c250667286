import type { RoutingEvent } from '../domain/routing/events';
import type { CapacityPool } from '../domain/routing/work-item';

export interface QueueReport {
  arrived: number;
  answered: number;
  abandoned: number;
  meanWaitSeconds: number;
  p90WaitSeconds: number;
  waitedFraction: number;
  serviceLevel: number;
  offers: number;
  declines: number;
  timeouts: number;
}

/** What a per-interval view hears of the measured items and of the reps' use of capacity. */
export interface StatisticsObserver {
  arrived(queue: string, at: number): void;
  answered(queue: string, arrivedAt: number, waitMs: number): void;
  abandoned(queue: string, arrivedAt: number): void;
  /** A rep's share of primary capacity in use, and whether they hold any work, from `at` on. */
  used(repId: string, busy: number, holding: boolean, at: number): void;
}

interface Tracked {
  queue: string;
  arrivedAt: number;
  counted: boolean;
  answered?: boolean;
}

/**
 * Turns the router's own events into the report's statistics. Only items arriving after the warm-up count;
 * rep occupancy is time-weighted over the measured period.
 */
export class Statistics {
  private readonly items = new Map<string, Tracked>();
  private readonly waits = new Map<string, number[]>();
  private readonly counts = new Map<string, QueueReport>();
  private readonly held = new Map<string, { repId: string; pool: CapacityPool; units: number }>();
  private readonly used = new Map<string, { primary: number; active: number }>();
  /** Callback outcomes (semantics §9), counted for callbacks requested after the warm-up. */
  private readonly callbacks = { requested: 0, dials: 0, connected: 0, notReached: 0, unreachable: 0 };
  private occupancyArea = 0;
  private activeArea = 0;
  private lastAt: number;

  constructor(
    private readonly measureFrom: number,
    private readonly serviceLevelMs: number,
    private readonly capacity: ReadonlyMap<string, number>,
    queues: readonly string[],
    private readonly observer?: StatisticsObserver,
  ) {
    this.lastAt = measureFrom;
    for (const q of queues)
      this.counts.set(q, {
        arrived: 0,
        answered: 0,
        abandoned: 0,
        meanWaitSeconds: 0,
        p90WaitSeconds: 0,
        waitedFraction: 0,
        serviceLevel: 0,
        offers: 0,
        declines: 0,
        timeouts: 0,
      });
  }

  private arrived(itemId: string, queue: string, at: number): void {
    const counted = at >= this.measureFrom;
    this.items.set(itemId, { queue, arrivedAt: at, counted });
    if (!counted) return;
    this.counts.get(queue)!.arrived++;
    this.observer?.arrived(queue, at);
  }

  /** Advances the time-weighted rep measures up to `now`. */
  tick(now: number): void {
    if (now <= this.lastAt) return;
    const span = now - this.lastAt;
    for (const [repId, u] of this.used) {
      this.occupancyArea += span * Math.min(1, u.primary / (this.capacity.get(repId) ?? 100));
      this.activeArea += span * u.active;
    }
    this.lastAt = now;
  }

  onEvent(e: RoutingEvent): void {
    if (!('itemId' in e)) return;
    // Arrival is the submission's own event: the push offer that follows it in the same call counts too.
    // A callback arrives when it is due (a scheduled one waits by the customer's choice, not the router's).
    if (e.type === 'callback.requested') {
      this.arrived(e.itemId, e.queueId, e.dueAt);
      if (e.dueAt >= this.measureFrom) this.callbacks.requested++;
    } else if (e.type === 'work.queued' && e.reason === 'submitted' && !this.items.has(e.itemId))
      this.arrived(e.itemId, e.queueId, e.at);
    const item = this.items.get(e.itemId);
    const q = item?.counted ? this.counts.get(item.queue) : undefined;
    switch (e.type) {
      case 'offer.created':
        if (q) q.offers++;
        this.hold(e.itemId, e.repId, e.pool, e.units, e.at);
        break;
      case 'offer.accepted':
        // A callback is accepted once per dial; its wait ends at the first.
        if (q && item && !item.answered) {
          item.answered = true;
          q.answered++;
          const waits = this.waits.get(item.queue) ?? [];
          waits.push(e.at - item.arrivedAt);
          this.waits.set(item.queue, waits);
          this.observer?.answered(item.queue, item.arrivedAt, e.at - item.arrivedAt);
        }
        break;
      case 'offer.declined':
        if (q) q.declines++;
        this.unhold(e.itemId, e.at);
        break;
      case 'offer.timedOut':
        if (q) q.timeouts++;
        this.unhold(e.itemId, e.at);
        break;
      case 'offer.rescinded':
      case 'work.completed':
        this.unhold(e.itemId, e.at);
        break;
      case 'work.canceled':
        if (q && item && e.reason === 'abandoned') {
          q.abandoned++;
          this.observer?.abandoned(item.queue, item.arrivedAt);
        }
        this.unhold(e.itemId, e.at);
        break;
      case 'callback.dialed':
        if (q) this.callbacks.dials++;
        break;
      case 'callback.connected':
        if (q) this.callbacks.connected++;
        break;
      case 'callback.attemptFailed':
        if (q) this.callbacks.notReached++;
        this.unhold(e.itemId, e.at);
        break;
      case 'callback.exhausted':
        if (q) this.callbacks.unreachable++;
        break;
      default:
        break;
    }
  }

  private hold(itemId: string, repId: string, pool: CapacityPool, units: number, at: number): void {
    this.tick(at);
    this.held.set(itemId, { repId, pool, units });
    const u = this.used.get(repId) ?? { primary: 0, active: 0 };
    this.use(repId, { primary: u.primary + (pool === 'primary' ? units : 0), active: u.active + 1 }, at);
  }

  private use(repId: string, u: { primary: number; active: number }, at: number): void {
    this.used.set(repId, u);
    this.observer?.used(repId, Math.min(1, u.primary / (this.capacity.get(repId) ?? 100)), u.active > 0, at);
  }

  private unhold(itemId: string, at: number): void {
    const h = this.held.get(itemId);
    if (!h) return;
    this.tick(at);
    this.held.delete(itemId);
    const u = this.used.get(h.repId)!;
    this.use(h.repId, { primary: u.primary - (h.pool === 'primary' ? h.units : 0), active: u.active - 1 }, at);
  }

  report(until: number, repCount: number) {
    this.tick(until);
    const queues: Record<string, QueueReport> = {};
    for (const [id, c] of this.counts) {
      const waits = [...(this.waits.get(id) ?? [])].sort((a, b) => a - b);
      const n = waits.length;
      queues[id] = {
        ...c,
        meanWaitSeconds: round(n ? waits.reduce((s, w) => s + w, 0) / n / 1000 : 0),
        p90WaitSeconds: round(n ? waits[Math.min(n - 1, Math.ceil(0.9 * n) - 1)]! / 1000 : 0),
        waitedFraction: round(n ? waits.filter((w) => w > 0).length / n : 0),
        serviceLevel: round(n ? waits.filter((w) => w <= this.serviceLevelMs).length / n : 0),
      };
    }
    const area = (until - this.measureFrom) * Math.max(1, repCount);
    const callbacks = this.callbacks.requested ? { ...this.callbacks } : undefined;
    return {
      queues,
      reps: { occupancy: round(this.occupancyArea / area), meanActiveItems: round(this.activeArea / area) },
      callbacks,
    };
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;
