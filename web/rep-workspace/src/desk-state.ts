import type { DesktopMessage } from '../../../lambdas/domain/routing/desktop-messages';
import type { RepState } from '../../../lambdas/domain/routing/rep';
import type { WorkItem } from '../../../lambdas/domain/routing/work-item';
import type { RepDesk, RepView } from '../../../lambdas/domain/use-cases/queries';

/** What the workspace shows: the rep's presence, the items they hold, the recent events. */
export interface DeskState {
  readonly rep?: RepView['rep'];
  readonly desk?: RepDesk;
  readonly items: ReadonlyMap<string, WorkItem>;
  /** The highest version seen per item, kept after it leaves, so a late push cannot bring it back. */
  readonly versions: ReadonlyMap<string, number>;
  readonly log: readonly string[];
}

export const emptyDesk: DeskState = { items: new Map(), versions: new Map(), log: [] };

const mine = (item: WorkItem, repId: string) =>
  item.reservation?.repId === repId && ['Offered', 'Assigned', 'WrapUp'].includes(item.state);

/**
 * Applies one push. A snapshot replaces everything (it is where every (re)connect starts); an event brings the
 * item as it stood after the commit, taken only if newer than what is shown, so pushes delivered twice or out of
 * order change nothing.
 */
export function applyMessage(state: DeskState, message: DesktopMessage, repId: string): DeskState {
  if (message.type === 'snapshot') {
    const items = new Map(message.view.items.filter((i) => mine(i, repId)).map((i) => [i.id, i]));
    const versions = new Map(state.versions);
    for (const i of message.view.items) versions.set(i.id, Math.max(versions.get(i.id) ?? 0, i.version));
    return { ...state, rep: message.view.rep, desk: message.view.desk, items, versions };
  }
  const { event, item, rep } = message;
  const log = [describe(event), ...state.log].slice(0, 8);
  if (event.type === 'rep.presenceChanged') return { ...state, log, rep: (rep as RepState | undefined) ?? state.rep };
  if (!item || item.version <= (state.versions.get(item.id) ?? 0)) return { ...state, log };
  const items = new Map(state.items);
  if (mine(item, repId)) items.set(item.id, item);
  else items.delete(item.id);
  return { ...state, log, items, versions: new Map(state.versions).set(item.id, item.version) };
}

function describe(event: Extract<DesktopMessage, { type: 'event' }>['event']): string {
  const time = new Date(event.at).toLocaleTimeString();
  const about = 'itemId' in event ? ` ${event.itemId}` : '';
  return `${time} ${event.type}${about}`;
}
