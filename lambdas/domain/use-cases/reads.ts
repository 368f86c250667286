import type { CompiledConfig } from '../config/compiled-config';
import { NotFoundError, RouterError } from '../errors';
import { holds, type RepState } from '../routing/rep';
import type { WorkItem } from '../routing/work-item';
import type { RouterDeps } from './deps';

export async function requireItem(deps: RouterDeps, itemId: string, field = 'itemId'): Promise<WorkItem> {
  const item = await deps.store.getItem(itemId);
  if (!item) throw new NotFoundError(field, `unknown work item '${itemId}'`);
  return item;
}

/** A rep named by a caller must be configured (semantics §12): an unknown id is an error, not a stale no-op. */
export async function assertKnownRep(deps: RouterDeps, repId: string | undefined): Promise<void> {
  if (repId !== undefined) (await deps.config.get()).rep(repId, 'repId');
}

/** The rep's live state; a configured rep who never logged in has a fresh logged-out state. */
export async function repState(
  deps: RouterDeps,
  config: CompiledConfig,
  repId: string,
  field = 'repId',
): Promise<RepState> {
  const profile = config.rep(repId, field);
  const state = await deps.store.getRep(repId);
  return (
    state ?? {
      repId,
      groupId: profile.group,
      statusChannels: [],
      used: { primary: 0, interruptible: 0 },
      activeItems: 0,
      lastOfferAt: 0,
      presenceVersion: 0,
    }
  );
}

/**
 * The rep holding the item's reservation, read after the item. When the rep's accounts no longer cover it,
 * another writer released it after our item read (a transfer, decline or completion that won): undefined, so
 * the caller retries on fresh state (semantics §1). Only an item still unchanged makes it a broken invariant.
 */
export async function holderOf(
  deps: RouterDeps,
  config: CompiledConfig,
  item: WorkItem,
): Promise<RepState | undefined> {
  const r = item.reservation;
  if (!r) throw new RouterError(`item ${item.id} in state ${item.state} has no reservation`);
  const rep = await repState(deps, config, r.repId);
  if (holds(rep, r)) return rep;
  if ((await deps.store.getItem(item.id))?.version === item.version) {
    throw new RouterError(
      `rep ${r.repId} does not hold item ${item.id}'s reservation (${r.pool} ${rep.used[r.pool]} < ${r.units})`,
    );
  }
  return undefined;
}
