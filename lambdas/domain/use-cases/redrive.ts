import type { SetAsideEntry } from '../ports';
import type { OutboxEntry } from '../routing/outbox';
import type { RouterDeps } from './deps';
import { deliverParts, describe } from './dispatch';
import { failureKind } from './failure-kind';

type Reason = SetAsideEntry['reason'];

export interface RedriveOptions {
  /** Entries looked at in one run, oldest first. @default 500 */
  readonly limit?: number;
  /** Only these kinds; the scheduled run takes `transient` and `unreadable`, an operator all. @default all */
  readonly reasons?: readonly Reason[];
  /** Wait out each entry's backoff (the scheduled run); an operator's run tries everything now. @default false */
  readonly backOff?: boolean;
}

export interface RedriveReport {
  /** Entries delivered in full and removed. */
  readonly delivered: number;
  /** Entries tried and still failing, by kind (what is left of them is kept). */
  readonly stillFailing: Readonly<Record<Reason, number>>;
  /** Entries not tried: backing off, another kind, or behind an earlier entry of their item still failing. */
  readonly waiting: number;
}

/** The wait before an entry is tried again: 30 s, doubling per attempt, at most 15 minutes. */
export const redriveBackoffMs = (attempts: number) => Math.min(15 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));

/** An entry's lane: its item or rep (`item#<id>@<version>` → `item#<id>`), whose entries keep commit order. */
const laneOf = (entryId: string) => entryId.replace(/@[^@]*$/, '');

/**
 * Delivers set-aside outbox entries again (semantics §10), oldest first, only the parts still owed, through the
 * same guards as the first delivery (stable event ids, guarded timers, follow-ups that check the item first), so a
 * redrive is safe to repeat. An entry behind an earlier one of its item that still fails waits, so one item's
 * entries are delivered in commit order.
 */
export async function redrive(
  deps: RouterDeps,
  read: (raw: string) => OutboxEntry,
  options: RedriveOptions = {},
): Promise<RedriveReport> {
  const store = deps.setAside;
  const stillFailing: Record<Reason, number> = { transient: 0, rejected: 0, unreadable: 0 };
  if (!store) return { delivered: 0, stillFailing, waiting: 0 };
  const blocked = new Set<string>();
  let delivered = 0;
  let waiting = 0;
  for (const kept of await store.list(options.limit ?? 500)) {
    const lane = laneOf(kept.entryId);
    const due = !options.backOff || kept.triedAt + redriveBackoffMs(kept.attempts) <= deps.clock.now();
    if (blocked.has(lane) || !due || (options.reasons && !options.reasons.includes(kept.reason))) {
      blocked.add(lane);
      waiting++;
      continue;
    }
    const next = await tryAgain(deps, read, kept);
    if (!next) {
      await store.remove(kept);
      delivered++;
      continue;
    }
    blocked.add(lane);
    stillFailing[next.reason]++;
    await store.replace(kept, next);
  }
  return { delivered, stillFailing, waiting };
}

/** One more delivery of what is owed; what is left of it, or undefined when all of it went. */
async function tryAgain(
  deps: RouterDeps,
  read: (raw: string) => OutboxEntry,
  kept: SetAsideEntry,
): Promise<SetAsideEntry | undefined> {
  const tried = { attempts: kept.attempts + 1, triedAt: deps.clock.now() };
  let entry: OutboxEntry;
  try {
    entry = read(kept.raw);
  } catch (err) {
    return { ...kept, ...tried, reason: 'unreadable', error: String((err as Error)?.message ?? err).slice(0, 1000) };
  }
  const failed = await deliverParts(deps, entry, kept.parts);
  if (failed.length === 0) return undefined;
  const reason = failed.some((f) => failureKind(f.error) === 'rejected') ? 'rejected' : 'transient';
  return { ...kept, ...tried, parts: failed.map((f) => f.part), reason, error: describe(failed) };
}
