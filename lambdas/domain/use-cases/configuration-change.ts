import type { ContactCenterConfig } from '../config/schema';
import type { RoutingStore } from '../ports';
import type { RepState } from '../routing/rep';

/** What the check reads of the live routing state: pages of waiting lists, reps, the items a rep holds. */
export type LiveWork = Pick<RoutingStore, 'waitingItems' | 'getRep' | 'heldItems'>;

/** Reps read at a time while looking for held work of removed queues. */
const READS_AT_ONCE = 16;
/** Scheduled callbacks read per page. */
const PAGE = 100;

const ids = (list: readonly { readonly id: string }[]) => new Set(list.map((x) => x.id));
const loggedIn = (rep: RepState | undefined): rep is RepState => rep?.sessionId !== undefined;

/** What a change takes away from the routers: queues it removes, and reps it removes or moves to another group. */
export interface Removals {
  readonly queues: readonly string[];
  readonly reps: readonly { readonly id: string; readonly from: string; readonly to?: string }[];
}

export function removals(before: ContactCenterConfig, after: ContactCenterConfig): Removals {
  const queues = ids(after.queues);
  const groups = new Map(after.reps.map((r) => [r.id, r.group]));
  return {
    queues: before.queues.filter((q) => !queues.has(q.id)).map((q) => q.id),
    reps: before.reps
      .filter((r) => groups.get(r.id) !== r.group)
      .map((r) => ({ id: r.id, from: r.group, to: groups.get(r.id) })),
  };
}

export const removesNothing = (r: Removals) => r.queues.length === 0 && r.reps.length === 0;

/**
 * Why a change with these removals would strand live work (semantics §2), each problem naming the queue or rep: a
 * removed queue whose work waits, is scheduled or is held (the router reads an item's queue at every step), and a
 * removed rep, or one moved to another group, who is logged in or has direct work waiting (a rep row keeps its
 * group until the next login). Empty when the change is safe. Reads only what the change touches.
 */
export async function strandedWork(live: LiveWork, before: ContactCenterConfig, removed: Removals) {
  const problems: string[] = [];
  for (const queueId of removed.queues)
    for (const kind of ['queue', 'skills'] as const)
      if ((await live.waitingItems({ kind, queueId }, 1)).items.length > 0)
        problems.push(`queues: '${queueId}' is removed while work waits in it; answer or move that work first`);
  for (const rep of removed.reps) {
    const change = rep.to ? `moves from group '${rep.from}' to '${rep.to}'` : 'is removed';
    if (loggedIn(await live.getRep(rep.id)))
      problems.push(`reps: '${rep.id}' ${change} while logged in; log them out first`);
    if (!rep.to && (await live.waitingItems({ kind: 'rep', repId: rep.id }, 1)).items.length > 0)
      problems.push(`reps: '${rep.id}' is removed while work waits for them; answer or move that work first`);
  }
  if (removed.queues.length > 0) problems.push(...(await heldOrScheduledIn(live, new Set(removed.queues), before)));
  return [...new Set(problems)];
}

/** Work of removed queues that logged-in reps hold or that is scheduled (callbacks), by queue. */
async function heldOrScheduledIn(live: LiveWork, removed: ReadonlySet<string>, before: ContactCenterConfig) {
  const problems: string[] = [];
  for (let i = 0; i < before.reps.length; i += READS_AT_ONCE) {
    const batch = before.reps.slice(i, i + READS_AT_ONCE);
    const states = await Promise.all(batch.map((r) => live.getRep(r.id)));
    const held = await Promise.all(
      states.filter(loggedIn).map(async (s) => [s, await live.heldItems(s.repId)] as const),
    );
    for (const [state, items] of held)
      for (const item of items.filter((x) => removed.has(x.queueId)))
        problems.push(`queues: '${item.queueId}' is removed while rep '${state.repId}' holds its item '${item.id}'`);
  }
  let cursor: string | undefined;
  do {
    const page = await live.waitingItems({ kind: 'scheduled' }, PAGE, cursor);
    for (const item of page.items.filter((x) => removed.has(x.queueId)))
      problems.push(`queues: '${item.queueId}' is removed while callback '${item.id}' is scheduled in it`);
    cursor = page.cursor;
  } while (cursor);
  return problems;
}
