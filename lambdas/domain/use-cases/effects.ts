import { RouterError } from '../errors';
import type { RoutingEvent, Timer } from '../routing/events';
import { agentStatusFollowUps, type FollowUp } from '../routing/follow-ups';
import { type OutboxEntry, outboxEntry } from '../routing/outbox';
import { type CommitResult, commitId, commitOrConflict, type PlannedWrite, writtenVersions } from './commit';
import type { RouterDeps } from './deps';
import { pushToDesktops } from './push-desktops';

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
}

/** The largest outbox entry a commit may carry (see Effects.commitOrConflict). */
const MAX_OUTBOX_BYTES = 100_000;

/**
 * Collects the effects of one use-case call. Each commit carries what it causes in its outbox entry (semantics §10);
 * once committed, `inline` delivery (local runs, tests) publishes and schedules at once, while `outbox` delivery
 * (AWS) leaves all of it to the table's stream dispatcher, which delivers at least once.
 */
export class Effects {
  readonly events: RoutingEvent[] = [];
  readonly followUps: FollowUp[] = [];
  constructor(private readonly deps: RouterDeps) {}

  /** Commits `planned` with its outbox entry; a conflict says which side moved on (see commitOrConflict). */
  async commitOrConflict(planned: readonly PlannedWrite[], ...caused: Caused[]): Promise<CommitResult> {
    const entry = outboxEntry(commitId(planned), this.deps.clock.now(), writtenVersions(planned), {
      events: caused.flatMap((c) => c.events),
      timers: caused.flatMap((c) => c.timers),
      followUps: [
        ...caused.flatMap((c) => c.followUps ?? []),
        ...agentStatusFollowUps(caused.flatMap((c) => c.events)),
      ],
    });
    // The entry rides on a row (400 KB at most, the item included); events are bounded far below this.
    if (JSON.stringify(entry).length > MAX_OUTBOX_BYTES)
      throw new RouterError(`outbox entry ${entry.id} is over ${MAX_OUTBOX_BYTES} bytes`);
    const result = await commitOrConflict(this.deps, planned, entry);
    if (result.committed) await this.committed(entry);
    return result;
  }

  /** Commits `planned` with what it causes; false when a guard failed (retry on fresh state). */
  async commit(planned: readonly PlannedWrite[], ...caused: Caused[]): Promise<boolean> {
    return (await this.commitOrConflict(planned, ...caused)).committed;
  }

  private async committed(entry: OutboxEntry): Promise<void> {
    this.events.push(...entry.events);
    if (this.deps.delivery === 'outbox') return;
    if (entry.events.length) await this.deps.events.publish(entry.events);
    await pushToDesktops(this.deps, entry.events);
    if (entry.timers.length) await this.deps.timers.schedule(entry.timers);
    this.followUps.push(...entry.followUps);
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
