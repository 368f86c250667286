import type { RouterDeps } from './deps';
import type { Outcome } from './effects';
import { changeStatus, logOut, type PresenceDecision } from './presence';

/** Why a rep was set away: no workspace open for the grace period (the presence event's reason). */
export const WORKSPACE_CLOSED = 'workspaceClosed';

export type DesktopClosedDecision =
  | { readonly kind: 'graceStarted'; readonly repId: string; readonly awayAt: number }
  | { readonly kind: 'stillOpen' | 'notTracked' | 'loggedOut'; readonly repId: string };

/**
 * One of the rep's desktops closed (semantics §7). If it was the last, the time is recorded and a timer started:
 * a rep with no workspace open for the grace period is set away, so a closed workspace (and its softphone) never
 * leaves them routable.
 */
export async function desktopClosed(deps: RouterDeps, repId: string): Promise<DesktopClosedDecision> {
  const presence = deps.desktopPresence;
  if (!presence) return { kind: 'notTracked', repId };
  if ((await presence.openDesktops(repId)) > 0) return { kind: 'stillOpen', repId };
  if ((await deps.store.getRep(repId))?.sessionId === undefined) return { kind: 'loggedOut', repId };
  const now = deps.clock.now();
  await presence.markClosed(repId, now);
  const awayAt = now + (await deps.config.get()).rep(repId).presence.workspaceClosedGraceSeconds * 1000;
  await deps.timers.schedule([{ kind: 'workspaceClosed', itemId: repId, dueAt: awayAt, guard: String(now) }]);
  return { kind: 'graceStarted', repId, awayAt };
}

/**
 * The grace period after the rep's last desktop closed at `closedAt` passed. Still none open, and none opened and
 * closed since (that close started its own timer): the rep goes to `statusOnWorkspaceClosed`, or is logged out
 * when none is configured, with the reason `workspaceClosed`. Undefined when the timer is stale.
 */
export async function workspaceClosed(
  deps: RouterDeps,
  input: { readonly repId: string; readonly closedAt: number },
): Promise<Outcome<PresenceDecision> | undefined> {
  const presence = deps.desktopPresence;
  if (!presence || (await presence.openDesktops(input.repId)) > 0) return undefined;
  if ((await presence.lastClosedAt(input.repId)) !== input.closedAt) return undefined;
  const rep = await deps.store.getRep(input.repId);
  if (rep?.sessionId === undefined) return undefined;
  const away = (await deps.config.get()).rep(input.repId).presence.statusOnWorkspaceClosed;
  if (away === undefined) return logOut(deps, { repId: input.repId, reason: WORKSPACE_CLOSED });
  if (rep.statusId === away) return undefined;
  return changeStatus(deps, { repId: input.repId, statusId: away, reason: WORKSPACE_CLOSED });
}
