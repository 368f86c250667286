import type { Clock, EventSink, IdGenerator, TimerPort } from '../../domain/ports';
import type { RoutingEvent, Timer } from '../../domain/routing/events';
import { sourceItemId } from '../system/source-id';

/** A clock that only moves when told to: tests and the simulator's virtual time. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** Readable, deterministic ids (`work-1`, `offer-2`): reproducible simulations and tests. */
export class SequentialIds implements IdGenerator {
  private counter = 0;
  constructor(private readonly namespace = '') {}
  next(prefix: string): string {
    return `${prefix}-${this.namespace}${++this.counter}`;
  }
  /** As deployed: the store finds a source's item (or claim) at the same derived key. */
  forSource(channel: string, source: string): string {
    return sourceItemId(channel, source);
  }
}

/** Keeps every published event in order, and lets listeners (the Command Center) follow along. */
export class EventLog implements EventSink {
  readonly events: RoutingEvent[] = [];
  private readonly listeners: Array<(e: RoutingEvent) => void> = [];
  async publish(events: readonly RoutingEvent[]): Promise<void> {
    for (const e of events) {
      this.events.push(e);
      for (const listener of this.listeners) listener(e);
    }
  }
  onEvent(listener: (e: RoutingEvent) => void): void {
    this.listeners.push(listener);
  }
  ofType<T extends RoutingEvent['type']>(type: T): Extract<RoutingEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<RoutingEvent, { type: T }> => e.type === type);
  }
  clear(): void {
    this.events.length = 0;
  }
}

/** Timers held in memory, fired by whoever owns the clock (tests step it; the simulator runs virtual time). */
export class TimerQueue implements TimerPort {
  private pending: Timer[] = [];
  async schedule(timers: readonly Timer[]): Promise<void> {
    this.pending.push(...timers);
    this.pending.sort((a, b) => a.dueAt - b.dueAt);
  }
  get size(): number {
    return this.pending.length;
  }
  all(): readonly Timer[] {
    return this.pending;
  }
  nextDueAt(): number | undefined {
    return this.pending[0]?.dueAt;
  }
  /** Removes and returns the timers due at or before `now`, earliest first. */
  takeDue(now: number): Timer[] {
    const due = this.pending.filter((t) => t.dueAt <= now);
    this.pending = this.pending.filter((t) => t.dueAt > now);
    return due;
  }
}
