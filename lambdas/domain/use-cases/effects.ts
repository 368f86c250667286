import type { RoutingEvent, Timer } from '../routing/events';
import type { FollowUp } from '../routing/follow-ups';
import type { WorkItem } from '../routing/work-item';
import type { RouterDeps } from './deps';

/**
 * What a use case decided, the events it caused (already published) and the follow-ups it leaves to the Router
 * (a Connect call, a dial), which runs them in one place once the use case returns.
 */
export interface Outcome<D> {
  readonly decision: D;
  readonly events: RoutingEvent[];
  readonly followUps: FollowUp[];
}

/** What one committed change causes: events to publish, timers to start, follow-ups for the Router. */
export interface Caused {
  readonly events: readonly RoutingEvent[];
  readonly timers: readonly Timer[];
  readonly followUps?: readonly FollowUp[];
  /** The committed item the events are about: its version is stamped on them. */
  readonly item?: WorkItem;
}

/** Collects the effects of one use-case call; publishes events and schedules timers only after a commit. */
export class Effects {
  readonly events: RoutingEvent[] = [];
  readonly followUps: FollowUp[] = [];
  constructor(private readonly deps: RouterDeps) {}

  /** `items` are further committed states; their versions are stamped on the events about them. */
  async emit(caused: Caused, items: readonly WorkItem[] = []): Promise<void> {
    const versions = new Map([...(caused.item ? [caused.item] : []), ...items].map((i) => [i.id, i.version]));
    const events = caused.events.map((e) =>
      'itemId' in e && versions.has(e.itemId) ? { ...e, itemVersion: versions.get(e.itemId) } : e,
    );
    if (events.length) await this.deps.events.publish(events);
    if (caused.timers.length) await this.deps.timers.schedule(caused.timers);
    this.events.push(...events);
    this.followUps.push(...(caused.followUps ?? []));
  }

  /** Takes in what another use case, run on its own effects, caused. */
  absorb(outcome: Outcome<unknown>): void {
    this.events.push(...outcome.events);
    this.followUps.push(...outcome.followUps);
  }

  outcome<D>(decision: D): Outcome<D> {
    return { decision, events: this.events, followUps: this.followUps };
  }
}
