import type { CompiledConfig } from '../config/compiled-config';
import { InvalidInputError } from '../errors';

export type DestinationKind = 'queue' | 'rep' | 'routingFlow';

export interface Destination {
  readonly kind: DestinationKind;
  readonly id: string;
  readonly name: string;
  /** Queues: their channel; reps: their group; flows: their version. */
  readonly detail: string;
}

export interface DestinationQuery {
  /** Case-insensitive, matched against id and name. */
  readonly search?: string;
  readonly kind?: DestinationKind;
  readonly limit: number;
  readonly cursor?: string;
}

const listKey: Record<DestinationKind, 'queues' | 'reps' | 'routingFlows'> = {
  queue: 'queues',
  rep: 'reps',
  routingFlow: 'routingFlows',
};

/** Whether reps of `groupId` may transfer to this destination (semantics §9: all, or only the listed ones). */
export function mayTransferTo(config: CompiledConfig, groupId: string, kind: DestinationKind, id: string): boolean {
  const allowed = config.raw.groups.find((g) => g.id === groupId)?.transferDestinations?.[listKey[kind]] ?? 'all';
  return allowed === 'all' || allowed.includes(id);
}

function everyDestination(config: CompiledConfig): Destination[] {
  return [
    ...config.raw.queues.map(
      (q): Destination => ({ kind: 'queue', id: q.id, name: q.name ?? q.id, detail: q.channel }),
    ),
    ...config.raw.reps.map((r): Destination => ({ kind: 'rep', id: r.id, name: r.name ?? r.id, detail: r.group })),
    ...config.raw.routingFlows.map(
      (f): Destination => ({ kind: 'routingFlow', id: f.name, name: f.description ?? f.name, detail: `v${f.version}` }),
    ),
  ];
}

const encode = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decode(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new InvalidInputError('cursor', 'not a cursor this API returned');
  return Number(m[1]);
}

/**
 * The destinations a rep may transfer to, searchable and paged, sorted by kind then name. Built from the
 * configuration in memory, so any number of destinations can be listed (Connect's quick connects stop at 2,000).
 */
export function transferDestinations(config: CompiledConfig, repId: string, query: DestinationQuery) {
  const group = config.rep(repId, 'repId').group;
  const needle = query.search?.toLowerCase();
  const order: DestinationKind[] = ['queue', 'rep', 'routingFlow'];
  const matching = everyDestination(config)
    .filter((d) => !(d.kind === 'rep' && d.id === repId))
    .filter((d) => (query.kind ? d.kind === query.kind : true) && mayTransferTo(config, group, d.kind, d.id))
    .filter((d) => !needle || d.id.toLowerCase().includes(needle) || d.name.toLowerCase().includes(needle))
    .sort(
      (a, b) =>
        order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
  const offset = decode(query.cursor);
  const items = matching.slice(offset, offset + query.limit);
  const next = offset + items.length;
  return { items, total: matching.length, cursor: next < matching.length ? encode(next) : undefined };
}
