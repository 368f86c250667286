import type { CompiledConfig } from '../domain/config/compiled-config';
import type { RoutingEvent } from '../domain/routing/events';
import { CommandCenterProjection, type CommandCenterSnapshot, type CommandCenterState } from './projection';

/** Where the deployed read model lives: its state (guarded by a version tag) and the snapshot pages read. */
export interface ModelStore {
  load(): Promise<{ state: CommandCenterState; tag: string } | undefined>;
  /** Saves the state if it is still at `tag` (undefined: none yet); false when another writer got there first. */
  save(state: CommandCenterState, tag: string | undefined): Promise<boolean>;
  publish(snapshot: CommandCenterSnapshot): Promise<void>;
}

/** Told, after each batch, that supervisors' pages should fetch the snapshot again. */
export interface SupervisorNudge {
  nudge(at: number): Promise<void>;
}

const MAX_ATTEMPTS = 5;

/**
 * Applies a batch of routing events to the read model and publishes its snapshot: the deployed Command Center's
 * only writer path. Optimistic: a batch that lost the race to another reloads and applies again (events already
 * in the state are skipped by id), so concurrent batches never lose each other's work.
 */
export async function feedCommandCenter(
  deps: {
    readonly store: ModelStore;
    readonly config: () => Promise<CompiledConfig>;
    readonly serviceLevelSeconds: number;
    readonly now: () => number;
    readonly nudge?: SupervisorNudge;
  },
  events: readonly RoutingEvent[],
): Promise<{ applied: number; attempts: number }> {
  const config = await deps.config();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const loaded = await deps.store.load();
    const model = new CommandCenterProjection(config, deps.serviceLevelSeconds, loaded?.state);
    for (const e of events) model.apply(e);
    const now = deps.now();
    model.sample(now);
    if (!(await deps.store.save(model.toState(), loaded?.tag))) continue;
    await deps.store.publish(model.snapshot(now));
    await deps.nudge?.nudge(now);
    return { applied: events.length, attempts: attempt };
  }
  throw new Error(`the Command Center model kept changing under ${MAX_ATTEMPTS} attempts; the batch is retried`);
}
