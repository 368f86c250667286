import type { RoutingEvent, Timer } from './events';
import type { FollowUp } from './follow-ups';

/** A routing event as dispatched: its id is stable across redeliveries, so subscribers de-duplicate by it. */
export type DispatchedEvent = RoutingEvent & { readonly eventId: string };

/**
 * What one commit causes (semantics §10), written in the same transaction as the state change and dispatched at
 * least once from there: its events, the timers it starts, the Connect calls and dials it needs.
 */
export interface OutboxEntry {
  /**
   * Unique per commit: the first item written, at its new version (`item#<id>@<version>`), or, for a presence
   * change, the rep at its new presence version (`rep#<id>@<version>`). Versions only grow under guards, so two
   * commits never share an id.
   */
  readonly id: string;
  readonly at: number;
  readonly events: readonly DispatchedEvent[];
  readonly timers: readonly Timer[];
  readonly followUps: readonly FollowUp[];
}

/**
 * The entry format this version writes (`v`) and reads: entries without one (written before it was added) are
 * format 1. A later format is set aside unread, for the version that writes it to deliver (a rolling deploy).
 */
export const OUTBOX_FORMAT = 1;

/** Event ids: the entry's id and the event's position in it. */
export const eventId = (entryId: string, position: number) => `${entryId}#${position}`;

/**
 * The entry for a commit: events stamped with the version of the item they are about (the commit's own writes
 * tell it) and numbered by position.
 */
export function outboxEntry(
  id: string,
  at: number,
  versions: ReadonlyMap<string, number>,
  caused: { events: readonly RoutingEvent[]; timers: readonly Timer[]; followUps: readonly FollowUp[] },
): OutboxEntry {
  const events = caused.events.map((e, i): DispatchedEvent => {
    const version = 'itemId' in e ? versions.get(e.itemId) : undefined;
    return { ...e, ...(version !== undefined ? { itemVersion: version } : {}), eventId: eventId(id, i) };
  });
  return { id, at, events, timers: caused.timers, followUps: caused.followUps };
}
