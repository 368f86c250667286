import type { CompiledConfig } from '../config/compiled-config';
import type { Page, WaitPartition } from '../ports';
import { activeRequirements } from '../routing/eligibility';
import type { RepState } from '../routing/rep';
import type { Candidate } from '../routing/selection';
import { type WhyWaiting, whyWaiting } from '../routing/why-waiting';
import type { WorkItem } from '../routing/work-item';
import type { RouterDeps } from './deps';
import type { WaitingQuery } from './queries';
import { supervisesQueue } from './supervise';

export interface BacklogEntry {
  readonly itemId: string;
  readonly channel: string;
  readonly queueId: string;
  readonly waitMs: number;
  readonly priority?: number;
  readonly skills?: readonly { readonly skill: string; readonly minLevel: number }[];
  readonly preferredRep?: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly why: WhyWaiting;
}

/**
 * A queue's waiting work for a supervisor, in routing order, each item with why it is not routed right now: the
 * push's own eligibility rules over the reps who could take it (the groups serving the queue, those with the
 * skills, the preferred rep). Reads: the waiting page, and one available-reps query per group for the page.
 */
export async function backlogPage(
  deps: RouterDeps,
  query: Omit<WaitingQuery, 'routing'> & { readonly routing: BacklogRouting; readonly supervisorId?: string },
): Promise<Page<BacklogEntry>> {
  const config = await deps.config.get();
  supervisesQueue(config, config.supervisor(query.supervisorId), query.queueId, 'queueId');
  const page =
    query.routing === 'direct'
      ? await directWork(deps, config, query.queueId, query.limit)
      : await deps.store.waitingItems({ kind: query.routing, queueId: query.queueId }, query.limit, query.cursor);
  const now = deps.clock.now();
  const groups = new Map<string, Promise<RepState[]>>();
  const available = (g: string) => {
    if (!groups.has(g)) groups.set(g, deps.store.availableReps(g));
    return groups.get(g)!;
  };
  const items = await Promise.all(
    page.items.map(async (item) => entry(item, await candidates(deps, config, item, now, available), config, now)),
  );
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** Queue-routed, skills-routed, or aimed at one rep (a preferred rep, a transfer, a supervisor's assignment). */
export type BacklogRouting = 'queue' | 'skills' | 'direct';

/**
 * Work of the queue waiting for one rep: each rep who serves the queue has a list of their own (one small query
 * per rep, so this costs as many reads as the queue has reps; one page, oldest first, no cursor).
 */
async function directWork(
  deps: RouterDeps,
  config: CompiledConfig,
  queueId: string,
  limit: number,
): Promise<Page<WorkItem>> {
  const reps = [...config.reps.values()].filter((r) => r.queues.includes(queueId));
  const lists = await Promise.all(
    reps.map((r) => deps.store.waitingItems({ kind: 'rep', repId: r.id } satisfies WaitPartition, limit)),
  );
  const items = lists
    .flatMap((l) => l.items)
    .filter((i) => i.queueId === queueId)
    .sort((a, b) => a.requestedAt - b.requestedAt)
    .slice(0, limit);
  return { items };
}

async function candidates(
  deps: RouterDeps,
  config: CompiledConfig,
  item: WorkItem,
  now: number,
  available: (group: string) => Promise<RepState[]>,
): Promise<Candidate[]> {
  const t = item.target;
  const groups = new Set(config.groupsServing(item.queueId));
  if (t.kind === 'skills')
    for (const g of config.groupsWithSkills(activeRequirements(t.requirements, item.targetSince, now))) groups.add(g);
  const states = (await Promise.all([...groups].map(available))).flat();
  if (t.kind === 'rep' && !states.some((s) => s.repId === t.repId)) {
    const preferred = await deps.store.getRep(t.repId);
    if (preferred) states.push(preferred);
  }
  return states.flatMap((state) => {
    const profile = config.reps.get(state.repId);
    return profile ? [{ profile, state }] : [];
  });
}

function entry(item: WorkItem, reps: Candidate[], config: CompiledConfig, now: number): BacklogEntry {
  const t = item.target;
  return {
    itemId: item.id,
    channel: item.channel,
    queueId: item.queueId,
    waitMs: now - item.requestedAt,
    ...(item.priority !== undefined ? { priority: item.priority } : {}),
    ...(t.kind === 'skills' ? { skills: t.requirements.map((r) => ({ skill: r.skill, minLevel: r.minLevel })) } : {}),
    ...(t.kind === 'rep' ? { preferredRep: t.repId } : {}),
    attributes: item.attributes,
    why: whyWaiting(item, reps, config, now),
  };
}
