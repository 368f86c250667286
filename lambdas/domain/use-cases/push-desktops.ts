import type { DesktopMessage } from '../routing/desktop-messages';
import { fitToFrame, repsConcerned } from '../routing/desktop-messages';
import type { DispatchedEvent } from '../routing/outbox';
import type { RepState } from '../routing/rep';
import type { WorkItem } from '../routing/work-item';
import type { RouterDeps } from './deps';
import { repView } from './queries';

/**
 * Tells each concerned rep's desktops of what one commit caused, after it is delivered. Items are read once
 * each, after the commit (a consistent read, so the push carries at least the committed version).
 */
export async function pushToDesktops(deps: RouterDeps, events: readonly DispatchedEvent[]): Promise<void> {
  const desktops = deps.desktops;
  if (!desktops) return;
  const items = new Map<string, Promise<WorkItem | undefined>>();
  const reps = new Map<string, Promise<RepState | undefined>>();
  const itemOf = (itemId: string) => {
    if (!items.has(itemId)) items.set(itemId, deps.store.getItem(itemId));
    return items.get(itemId)!;
  };
  // The rep's capacity moves with their items (an offer reserves it, a completion frees it): the desk shows it.
  const repOf = (repId: string) => {
    if (!reps.has(repId)) reps.set(repId, deps.store.getRep(repId));
    return reps.get(repId)!;
  };
  for (const event of events) {
    for (const repId of repsConcerned(event)) {
      const message: DesktopMessage =
        event.type === 'rep.presenceChanged'
          ? { type: 'event', event, ...optional('rep', await repOf(repId)) }
          : {
              type: 'event',
              event,
              ...optional('item', await itemOf(event.itemId)),
              ...optional('rep', await repOf(repId)),
            };
      // Best effort: a push refused (throttled, too large, the service failing) never holds up the timers, the
      // Connect calls or the events of the entry; the desktop's next `sync` brings it up to date.
      await desktops.send(repId, message).catch((err: unknown) => desktops.reportFailure?.(err, repId));
    }
  }
}

/** The current state for a desktop that has just connected (or reconnected): it renders this first. */
export async function desktopSnapshot(deps: RouterDeps, repId: string): Promise<DesktopMessage> {
  return fitToFrame({ type: 'snapshot', at: deps.clock.now(), view: await repView(deps, repId) });
}

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
