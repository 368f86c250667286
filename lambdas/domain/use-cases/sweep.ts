import type { WaitPartition } from '../ports';
import { scheduledDueAt } from '../routing/ordering';
import { needsDial } from './callback-dial';
import { callbackDueTimer } from './callbacks';
import type { RoutingCommands } from './commands';
import type { RouterDeps } from './deps';
import { recordingDueTimer } from './voicemail';

/** A timer is only presumed lost once it is this late; normal delivery is well within it. */
export const SWEEP_GRACE_MS = 30_000;
/** How many heads of each waiting list one sweep looks at. */
const HEAD = 10;

export interface SweepReport {
  /** Offers past their push timeout whose timer never fired (e.g. a crash between commit and scheduling). */
  readonly timedOut: number;
  /** Accepted callbacks whose dial never started, dialed now. */
  readonly dialed: number;
  /** Scheduled callbacks whose due timer was lost, queued now. */
  readonly callbacksDue: number;
  /** Voicemails past their recording deadline whose timer was lost, reported missing now. */
  readonly recordingsMissing: number;
  /** Offers to a session that has ended (rep logged out), rescinded back to the queue. */
  readonly rescinded: number;
  /** Wrap-ups past their end whose timer never fired: the capacity they held is released. */
  readonly wrapUpsEnded: number;
  /** Reps past the grace period with no workspace open whose timer was lost, set away (or logged out) now. */
  readonly workspacesClosed: number;
  /** Waiting items routed now, which a lost trigger had left behind. */
  readonly routed: number;
  readonly examined: number;
  /** The longest any waiting item at a queue head has waited (since requestedAt), in seconds. */
  readonly longestWaitSeconds: number;
}

/**
 * The safety net (run every minute): finds work a lost trigger or a crash between two steps left behind and
 * finishes it through the ordinary use cases, so every repair is as guarded as the original step.
 * Cost: one `held` query and one desktops-closed read per configured rep (and a rep read where it holds offers or
 * its workspace closed), and one head page per waiting list; no Scan.
 */
export async function sweep(deps: RouterDeps, commands: RoutingCommands): Promise<SweepReport> {
  const { store, config, clock } = deps;
  const cfg = await config.get();
  const overdue = clock.now() - SWEEP_GRACE_MS;
  let timedOut = 0;
  let wrapUpsEnded = 0;
  let rescinded = 0;
  let dialed = 0;
  let callbacksDue = 0;
  let recordingsMissing = 0;
  let routed = 0;
  let workspacesClosed = 0;
  let examined = 0;
  let longestWaitMs = 0;
  for (const repId of cfg.reps.keys()) {
    const held = await store.heldItems(repId);
    // An offer outliving its rep's session (a crash between logout and its rescinds) would never be answered.
    const session = held.some((i) => i.state === 'Offered') ? (await store.getRep(repId))?.sessionId : undefined;
    for (const item of held) {
      examined++;
      const r = item.reservation;
      if (item.state === 'Offered' && r && r.sessionId !== session) {
        if (
          (await commands.rescind({ itemId: item.id, offerId: r.offerId, reason: 'repLoggedOut' })).decision.kind ===
          'rescinded'
        )
          rescinded++;
      } else if (item.state === 'Offered' && r?.expiresAt !== undefined && r.expiresAt < overdue) {
        if ((await commands.timeOut({ itemId: item.id, offerId: r.offerId })).decision.kind === 'timedOut') timedOut++;
      } else if (needsDial(item) && (r?.acceptedAt ?? 0) < overdue) {
        // Accepted, but the dial never started (a crash in between): dial now; the client token stops doubles.
        if ((await commands.dialCallback(item.id)).decision.kind === 'dialed') dialed++;
      } else if (item.state === 'WrapUp' && item.wrapUpEndsAt !== undefined && item.wrapUpEndsAt < overdue) {
        if ((await commands.endWrapUp({ itemId: item.id, offerId: r?.offerId })).decision.kind === 'completed')
          wrapUpsEnded++;
      }
    }
    if (await lostWorkspaceTimer(deps, commands, repId, overdue)) workspacesClosed++;
  }
  const partitions: WaitPartition[] = [
    ...cfg.raw.queues.flatMap((q): WaitPartition[] => [
      { kind: 'queue', queueId: q.id },
      ...(q.skillsRouting !== false ? [{ kind: 'skills', queueId: q.id } as const] : []),
    ]),
    ...[...cfg.reps.keys()].map((repId): WaitPartition => ({ kind: 'rep', repId })),
  ];
  for (const item of (await store.waitingItems({ kind: 'scheduled' }, HEAD)).items) {
    examined++;
    if (scheduledDueAt(item) >= overdue) break;
    const timer = item.voicemail ? recordingDueTimer(item) : callbackDueTimer(item);
    if ((await commands.fireTimer(timer)).decision.kind !== 'fired') continue;
    if (item.voicemail) recordingsMissing++;
    else callbacksDue++;
  }
  for (const partition of partitions) {
    for (const item of (await store.waitingItems(partition, HEAD)).items) {
      examined++;
      longestWaitMs = Math.max(longestWaitMs, clock.now() - item.requestedAt);
      // A timed-rules firing applies every due rule (overflow, fallback, skill drops), as a lost timer would
      // have, and then routes the item.
      const fired = await commands.fireTimer({
        kind: 'overflow',
        itemId: item.id,
        dueAt: clock.now(),
        guard: `${item.queueId}@${item.targetSince}`,
      });
      if (fired.events.some((e) => e.type === 'offer.created' && e.itemId === item.id)) routed++;
    }
  }
  return {
    timedOut,
    rescinded,
    wrapUpsEnded,
    dialed,
    callbacksDue,
    recordingsMissing,
    routed,
    workspacesClosed,
    examined,
    longestWaitSeconds: Math.round(longestWaitMs / 1000),
  };
}

/**
 * The rep's last desktop closed more than the grace period ago and their presence has not changed since it ended:
 * the workspaceClosed timer was lost, so it fires now (through the same guards). A presence set after that (the
 * timer's own, or a supervisor's) is newer than any timer, and is kept.
 */
async function lostWorkspaceTimer(deps: RouterDeps, commands: RoutingCommands, repId: string, overdue: number) {
  const closedAt = await deps.desktopPresence?.lastClosedAt(repId);
  if (closedAt === undefined) return false;
  const dueAt = closedAt + (await deps.config.get()).rep(repId).presence.workspaceClosedGraceSeconds * 1000;
  if (dueAt >= overdue) return false;
  const presenceAt = (await deps.store.getRep(repId))?.presenceAt;
  if (presenceAt !== undefined && presenceAt > dueAt) return false;
  const timer = { kind: 'workspaceClosed', itemId: repId, dueAt, guard: String(closedAt) } as const;
  return (await commands.fireTimer(timer)).decision.kind === 'fired';
}
