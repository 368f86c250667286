import { NotFoundError } from '../errors';
import type { Page, WaitPartition } from '../ports';
import type { RepState } from '../routing/rep';
import { type DestinationQuery, transferDestinations } from '../routing/transfer-destinations';
import type { WorkItem } from '../routing/work-item';
import type { RouterDeps } from './deps';
import { requireItem } from './reads';

/** What a rep's desktop needs from the configuration: statuses to choose, and whether and how offers are declined. */
export interface RepDesk {
  readonly statuses: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly channels: readonly string[];
  }>;
  readonly allowDecline: boolean;
  /** When not empty, a decline must give one of these. */
  readonly declineReasons: readonly string[];
  readonly capacity: number;
}

/** A rep's desktop view: live presence and capacity (or logged out), every item they hold, and their desk. */
export interface RepView {
  readonly rep: RepState | { readonly repId: string; readonly loggedIn: false };
  readonly items: WorkItem[];
  readonly desk: RepDesk;
}

/** The read side: what reps and supervisors look at. Reads only; unknown ids are errors (semantics §12). */
export async function repView(deps: RouterDeps, repId: string): Promise<RepView> {
  const config = await deps.config.get();
  const { presence } = config.rep(repId);
  const [rep, items] = await Promise.all([deps.store.getRep(repId), deps.store.heldItems(repId)]);
  const statuses = config.raw.statuses.map(({ id, name, channels }) => ({ id, name, channels }));
  const desk = {
    statuses,
    allowDecline: presence.allowDecline,
    declineReasons: presence.declineReasons,
    capacity: presence.capacity,
  };
  return { rep: rep ?? { repId, loggedIn: false }, items, desk };
}

export interface WaitingQuery {
  readonly queueId: string;
  /** Queue-routed work, or the queue's skills-based work. */
  readonly routing: 'queue' | 'skills';
  readonly limit: number;
  readonly cursor?: string;
}

/** One page of a queue's waiting work, in routing order (semantics §5). */
export async function waitingPage(deps: RouterDeps, query: WaitingQuery): Promise<Page<WorkItem>> {
  (await deps.config.get()).queue(query.queueId, 'queueId');
  const partition: WaitPartition = { kind: query.routing, queueId: query.queueId };
  return deps.store.waitingItems(partition, query.limit, query.cursor);
}

/** Where a rep may transfer to (their group's destination list), searchable and paged (semantics §9). */
export async function transferDestinationsFor(deps: RouterDeps, repId: string, query: DestinationQuery) {
  return transferDestinations(await deps.config.get(), repId, query);
}

/**
 * The rep an item is offered to or held by, if any (a rep acts only on such items, ARCHITECTURE.md "Identity"),
 * and what the rep's commands need to know of it: its channel and callback (what Connect decides).
 */
export async function heldItemAccess(deps: RouterDeps, itemId: string) {
  const item = await requireItem(deps, itemId);
  return { holder: item.reservation?.repId, item: { channel: item.channel, callback: item.callback } };
}

/** The Command Center snapshot for a configured supervisor (semantics §11): read from the model, never the indexes. */
export async function commandCenterFor(deps: RouterDeps, supervisorId: string | undefined): Promise<unknown> {
  (await deps.config.get()).supervisor(supervisorId);
  const snapshot = await deps.commandCenter?.snapshot();
  if (snapshot === undefined)
    throw new NotFoundError('commandCenter', 'no snapshot yet: the model is built from the first routing events');
  return snapshot;
}
