import type { RoutingEvent } from '../domain/routing/events';
import { RepTime, type RepTimeObserver } from './rep-time';

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
  abandoned(queue: string, arrivedAt: number, waitMs: number): void;
  readonly used: RepTimeObserver;
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
  private readonly repTime: RepTime;
  /** Callback outcomes (semantics §9), counted for callbacks requested after the warm-up. */
  private readonly callbacks = { requested: 0, dials: 0, connected: 0, notReached: 0, unreachable: 0 };

  constructor(
    private readonly measureFrom: number,
    private readonly serviceLevelMs: number,
    capacity: ReadonlyMap<string, number>,
    queues: readonly string[],
    /** Whether a status has channels: a rep in it is present (available for work). */
    private readonly hasChannels: (statusId: string) => boolean,
    private readonly observer?: StatisticsObserver,
  ) {
    this.repTime = new RepTime(measureFrom, capacity, observer?.used);
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

  onEvent(e: RoutingEvent): void {
    if (e.type === 'rep.presenceChanged') {
      const available = e.loggedIn && e.statusId !== undefined && this.hasChannels(e.statusId);
      this.repTime.presence(e.repId, available, e.at);
    }
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
        this.repTime.hold(e.itemId, e.repId, e.pool, e.units, e.at);
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
        this.repTime.unhold(e.itemId, e.at);
        break;
      case 'offer.timedOut':
        if (q) q.timeouts++;
        this.repTime.unhold(e.itemId, e.at);
        break;
      case 'offer.rescinded':
      case 'work.completed':
        this.repTime.unhold(e.itemId, e.at);
        break;
      case 'work.canceled':
        if (q && item && e.reason === 'abandoned') {
          q.abandoned++;
          this.observer?.abandoned(item.queue, item.arrivedAt, e.at - item.arrivedAt);
        }
        this.repTime.unhold(e.itemId, e.at);
        break;
      case 'callback.dialed':
        if (q) this.callbacks.dials++;
        break;
      case 'callback.connected':
        if (q) this.callbacks.connected++;
        break;
      case 'callback.attemptFailed':
        if (q) this.callbacks.notReached++;
        this.repTime.unhold(e.itemId, e.at);
        break;
      case 'callback.exhausted':
        if (q) this.callbacks.unreachable++;
        break;
      default:
        break;
    }
  }

  report(until: number, repCount: number) {
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
    const callbacks = this.callbacks.requested ? { ...this.callbacks } : undefined;
    const reps = this.repTime.report(until, this.measureFrom, repCount);
    return {
      queues,
      reps: { occupancy: round(reps.occupancy), meanActiveItems: round(reps.meanActiveItems) },
      callbacks,
    };
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000;
