import type { CapacityPool } from '../domain/routing/work-item';

/** What a per-interval view hears of a rep's time: the share of capacity in use, and whether they are present. */
export type RepTimeObserver = (repId: string, busy: number, present: boolean, at: number) => void;

interface RepNow {
  primary: number;
  active: number;
  available: boolean;
}

/**
 * Time-weighted rep measures from the measured period on. A rep is present while logged in with a status that
 * has channels, or while finishing work after leaving one; occupancy is busy capacity over present time, so a
 * scheduled rep's hours off do not count as idle.
 */
export class RepTime {
  private readonly held = new Map<string, { repId: string; pool: CapacityPool; units: number }>();
  private readonly reps = new Map<string, RepNow>();
  private busyArea = 0;
  private activeArea = 0;
  private presentArea = 0;
  private present = 0;
  private lastAt: number;

  constructor(
    measureFrom: number,
    private readonly capacity: ReadonlyMap<string, number>,
    private readonly observer?: RepTimeObserver,
  ) {
    this.lastAt = measureFrom;
  }

  hold(itemId: string, repId: string, pool: CapacityPool, units: number, at: number): void {
    this.held.set(itemId, { repId, pool, units });
    this.change(repId, at, (r) => {
      r.primary += pool === 'primary' ? units : 0;
      r.active++;
    });
  }

  unhold(itemId: string, at: number): void {
    const h = this.held.get(itemId);
    if (!h) return;
    this.held.delete(itemId);
    this.change(h.repId, at, (r) => {
      r.primary -= h.pool === 'primary' ? h.units : 0;
      r.active--;
    });
  }

  presence(repId: string, available: boolean, at: number): void {
    this.change(repId, at, (r) => {
      r.available = available;
    });
  }

  private change(repId: string, at: number, update: (r: RepNow) => void): void {
    this.tick(at);
    const rep = this.reps.get(repId) ?? { primary: 0, active: 0, available: false };
    const before = isPresent(rep);
    update(rep);
    this.reps.set(repId, rep);
    this.present += Number(isPresent(rep)) - Number(before);
    this.observer?.(repId, this.busyShare(repId, rep.primary), isPresent(rep), at);
  }

  private busyShare(repId: string, primary: number): number {
    return Math.min(1, primary / (this.capacity.get(repId) ?? 100));
  }

  /** Advances the time-weighted measures up to `now`. */
  tick(now: number): void {
    if (now <= this.lastAt) return;
    const span = now - this.lastAt;
    for (const [repId, r] of this.reps) {
      this.busyArea += span * this.busyShare(repId, r.primary);
      this.activeArea += span * r.active;
    }
    this.presentArea += span * this.present;
    this.lastAt = now;
  }

  report(until: number, measureFrom: number, repCount: number) {
    this.tick(until);
    return {
      occupancy: this.presentArea > 0 ? this.busyArea / this.presentArea : 0,
      meanActiveItems: this.activeArea / ((until - measureFrom) * Math.max(1, repCount)),
    };
  }
}

const isPresent = (r: RepNow) => r.available || r.active > 0;
