import type { DesktopMessage } from '../../../lambdas/domain/routing/desktop-messages';
import type { RepState } from '../../../lambdas/domain/routing/rep';
import type { WorkItem } from '../../../lambdas/domain/routing/work-item';
import type { RepDesk, RepView } from '../../../lambdas/domain/use-cases/queries';

/** What the workspace shows: the rep's presence, the items they hold, the recent events. */
export interface DeskState {
  readonly rep?: RepView['rep'];
  /** When the change the shown rep state came after was committed: an older push does not replace it. */
  readonly repAt?: number;
  readonly desk?: RepDesk;
  readonly items: ReadonlyMap<string, WorkItem>;
  /** The highest version seen per item, kept after it leaves, so a late push cannot bring it back. */
  readonly versions: ReadonlyMap<string, number>;
  /** When the change each shown item came from was committed (event time), for merging a snapshot. */
  readonly seenAt: ReadonlyMap<string, number>;
  readonly log: readonly string[];
}

export const emptyDesk: DeskState = { items: new Map(), versions: new Map(), seenAt: new Map(), log: [] };

/**
 * A snapshot lists held items from an index that may lag a write by a moment; an item pushed from a commit this
 * close to the snapshot's read is kept even when the snapshot does not list it yet.
 */
const INDEX_LAG_MS = 2_000;

const mine = (item: WorkItem, repId: string) =>
  item.reservation?.repId === repId && ['Offered', 'Assigned', 'WrapUp'].includes(item.state);

/**
 * Applies one push. A snapshot is where every (re)connect starts: it replaces the desk, but for items pushed with
 * a newer version, or pushed just before it from a commit its index may not show yet. An event brings the item as
 * it stood after the commit, taken only if newer than what is shown, so pushes delivered twice or out of order
 * change nothing.
 */
export function applyMessage(state: DeskState, message: DesktopMessage, repId: string): DeskState {
  if (message.type === 'snapshot') {
    const listed = new Map(message.view.items.map((i) => [i.id, i]));
    const items = new Map<string, WorkItem>();
    for (const i of listed.values()) {
      const pushed = state.items.get(i.id);
      const newest = pushed && pushed.version > i.version ? pushed : i;
      if (mine(newest, repId)) items.set(i.id, newest);
    }
    for (const [id, pushed] of state.items)
      if (!listed.has(id) && (state.seenAt.get(id) ?? 0) >= message.at - INDEX_LAG_MS) items.set(id, pushed);
    const versions = new Map(state.versions);
    for (const i of message.view.items) versions.set(i.id, Math.max(versions.get(i.id) ?? 0, i.version));
    return { ...state, rep: message.view.rep, repAt: message.at, desk: message.view.desk, items, versions };
  }
  // The page reads a snapshot too large to push from the HTTP API, and applies it as one (main.tsx).
  if (message.type === 'snapshotByReference') return state;
  const { event, item } = message;
  const log = [describe(event, item ?? state.items.get('itemId' in event ? event.itemId : '')), ...state.log].slice(
    0,
    8,
  );
  const newer = message.rep !== undefined && event.at >= (state.repAt ?? 0);
  const rep = newer ? { rep: message.rep as RepState, repAt: event.at } : {};
  if (event.type === 'rep.presenceChanged') return { ...state, log, ...rep };
  if (!item || item.version <= (state.versions.get(item.id) ?? 0)) return { ...state, log, ...rep };
  const items = new Map(state.items);
  if (mine(item, repId)) items.set(item.id, item);
  else items.delete(item.id);
  const seenAt = new Map(state.seenAt).set(item.id, event.at);
  return { ...state, log, ...rep, items, seenAt, versions: new Map(state.versions).set(item.id, item.version) };
}

type PushedEvent = Extract<DesktopMessage, { type: 'event' }>['event'];

/** What happened, as a rep says it ("Offered a chat", "Completed"), for the desk's Recent list. */
const SAID: Partial<Record<PushedEvent['type'], string>> = {
  'offer.created': 'Offered',
  'offer.accepted': 'Accepted',
  'offer.declined': 'Declined',
  'offer.timedOut': 'Offer timed out',
  'offer.rescinded': 'Offer taken back',
  'work.assigned': 'Assigned',
  'work.wrapUpStarted': 'Wrap-up started',
  'work.completed': 'Completed',
  'work.canceled': 'Canceled',
  'work.transferRequested': 'Transfer asked for',
  'work.transferred': 'Transferred',
  'rep.presenceChanged': 'Status changed',
  'callback.dialed': 'Callback dialed',
  'callback.connected': 'Callback answered',
  'callback.attemptFailed': 'Callback not reached',
};

/** One line of Recent: the time, what happened in words, and to which work (its channel, customer or source). */
export function describe(event: PushedEvent, item?: WorkItem): string {
  const time = new Date(event.at).toLocaleTimeString();
  const said = SAID[event.type] ?? event.type.replace(/[.]/g, ' ');
  if (event.type === 'rep.presenceChanged')
    return `${time} ${event.loggedIn ? `Status: ${event.statusId ?? 'logged in'}` : 'Logged out'}`;
  const what = item ? `${item.channel} ${item.attributes.customer ?? item.source}` : '';
  return `${time} ${said}${what ? ` · ${what}` : ''}`;
}
