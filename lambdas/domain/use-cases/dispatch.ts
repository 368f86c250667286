import type { OutboxPart, SetAsideEntry } from '../ports';
import type { OutboxEntry } from '../routing/outbox';
import type { RouterDeps } from './deps';
import { failureKind } from './failure-kind';
import { runFollowUps } from './follow-ups';
import { pushToDesktops } from './push-desktops';

export type DispatchDecision =
  | { readonly kind: 'dispatched'; readonly entryId: string }
  | {
      readonly kind: 'setAside';
      readonly entryId: string;
      readonly parts: readonly OutboxPart[];
      readonly reason: SetAsideEntry['reason'];
    };

/** One stream record's entry, as the edge read it: parsed, or kept as text this version could not read. */
export type OutboxRecord =
  | { readonly entry: OutboxEntry; readonly raw?: string }
  | { readonly unreadable: string; readonly raw: string; readonly entryId: string; readonly at: number };

/** Every part, effects that matter first: timers and Connect calls never wait behind the events' bus. */
export const ALL_PARTS: readonly OutboxPart[] = ['timers', 'followUps', 'events'];

export interface PartFailure {
  readonly part: OutboxPart;
  readonly error: unknown;
}

/**
 * Delivers what one committed change caused (semantics §10), from its outbox entry. Redelivery is expected (the
 * stream delivers at least once), so each part is safe to repeat: events keep their ids (subscribers de-duplicate),
 * timers are guarded when they fire, and follow-ups check the item's state first (a Connect call only for the
 * offer still current, a dial under its client token), and desktops keep the highest item version they saw.
 * Each part is tried whatever another did, so one dependency failing holds up no other; desktop pushes are best
 * effort (counted: the desktop's next `sync` catches up). Returns the parts that failed.
 */
export async function deliverParts(
  deps: RouterDeps,
  entry: OutboxEntry,
  parts: readonly OutboxPart[] = ALL_PARTS,
): Promise<PartFailure[]> {
  const failed: PartFailure[] = [];
  const attempt = async (part: OutboxPart, run: () => Promise<unknown>) => {
    if (!parts.includes(part)) return;
    await run().catch((error: unknown) => failed.push({ part, error }));
  };
  await attempt('timers', async () => entry.timers.length && deps.timers.schedule(entry.timers));
  await attempt('followUps', () =>
    runFollowUps(deps, { decision: undefined, events: [], followUps: [...entry.followUps] }),
  );
  await attempt('events', async () => entry.events.length && deps.events.publish(entry.events));
  if (parts.includes('events')) await pushToDesktops(deps, entry.events);
  return failed;
}

/** In-process delivery (local drains, tests): every part, and the first failure thrown so the drain retries. */
export async function dispatchOutbox(deps: RouterDeps, entry: OutboxEntry): Promise<DispatchDecision> {
  const failed = await deliverParts(deps, entry);
  if (failed.length) throw failed[0]!.error;
  return { kind: 'dispatched', entryId: entry.id };
}

/**
 * The stream's delivery (semantics §10): what fails is set aside whole, with its kind, so the record is done and
 * its lane moves on; only a failure to set it aside fails the record (Lambda retries it, up to its maximum age).
 */
export async function deliverOutbox(deps: RouterDeps, record: OutboxRecord): Promise<DispatchDecision> {
  const keep = deps.setAside;
  if ('unreadable' in record) {
    if (!keep) throw new Error(`outbox entry ${record.entryId} unreadable: ${record.unreadable}`);
    await keep.put(setAside(deps, record, ALL_PARTS, 'unreadable', record.unreadable));
    return { kind: 'setAside', entryId: record.entryId, parts: ALL_PARTS, reason: 'unreadable' };
  }
  const { entry } = record;
  const failed = await deliverParts(deps, entry);
  if (failed.length === 0) return { kind: 'dispatched', entryId: entry.id };
  if (!keep) throw failed[0]!.error;
  const parts = failed.map((f) => f.part);
  const reason = failed.some((f) => failureKind(f.error) === 'rejected') ? 'rejected' : 'transient';
  const raw = record.raw ?? JSON.stringify(entry);
  await keep.put(setAside(deps, { raw, entryId: entry.id, at: entry.at }, parts, reason, describe(failed)));
  return { kind: 'setAside', entryId: entry.id, parts, reason };
}

function setAside(
  deps: RouterDeps,
  r: { readonly raw: string; readonly entryId: string; readonly at: number },
  parts: readonly OutboxPart[],
  reason: SetAsideEntry['reason'],
  error: string,
): SetAsideEntry {
  return { entryId: r.entryId, raw: r.raw, at: r.at, parts, reason, error, attempts: 1, triedAt: deps.clock.now() };
}

/** What failed, by part, short enough for a row and a log line. */
export const describe = (failed: readonly PartFailure[]) =>
  failed
    .map(({ part, error }) => `${part}: ${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? error}`)
    .join('; ')
    .slice(0, 1000);
