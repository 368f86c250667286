import { InvalidInputError } from '../../domain/errors';
import type { WaitPartition } from '../../domain/ports';
import type { AvailabilityOrder } from '../../domain/routing/availability';
import { sourceItemId } from '../system/source-id';

/** The set-aside entries' partition keys start so (the redrive's DeleteItem grant is on these rows only). */
export const SET_ASIDE_PREFIX = 'ASIDE#';

/** Partitions of the set-aside entries: each takes 1,000 writes a second. */
export const SET_ASIDE_SHARDS = 8;

/** A stable shard for an entry id (FNV-1a), so a repeated set-aside of one entry writes the same row. */
function setAsideShard(entryId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < entryId.length; i++) h = Math.imul(h ^ entryId.charCodeAt(i), 0x01000193) >>> 0;
  return h % SET_ASIDE_SHARDS;
}

/** Every DynamoDB key the router uses is built here; pk/sk never leak into the domain. */
export const keys = {
  item: (itemId: string) => ({ pk: `WORK#${itemId}`, sk: 'ITEM' }),
  rep: (repId: string) => ({ pk: `REP#${repId}`, sk: 'STATE' }),
  /**
   * Where a channel + source id is claimed, so one source yields one work item: the key of the item the source
   * names (sourceItemId). A submitted item's create is its own claim; another source of an item (a transferred
   * call's new contact) is a claim row at that key, naming the item.
   */
  source: (channel: string, source: string) => keys.item(sourceItemId(channel, source)),
  configHead: () => ({ pk: 'CONFIG', sk: 'HEAD' }),
  configChunkPk: (revision: number) => `CONFIG#${revision}`,
  configChunk: (revision: number, index: number) => ({
    pk: `CONFIG#${revision}`,
    sk: `CHUNK#${String(index).padStart(4, '0')}`,
  }),
  waitingPk(partition: WaitPartition): string {
    switch (partition.kind) {
      case 'queue':
        return `WAIT#Q#${partition.queueId}`;
      case 'skills':
        return `WAIT#S#${partition.queueId}`;
      case 'rep':
        return `WAIT#R#${partition.repId}`;
      case 'scheduled':
        return 'WAIT#SCHEDULED';
    }
  },
  availablePk: (groupId: string) => `AVAIL#${groupId}`,
  /** The index keeping a group's available reps in one order, and the rep row's attribute it sorts by. */
  availability: (order: AvailabilityOrder) => AVAILABILITY_INDEXES[order],
  heldPk: (repId: string) => `HELD#${repId}`,
  /** One pacing window of an API's calls, shared by every router instance (call-pacer.ts). */
  paceWindow: (api: string, window: number) => ({ pk: `PACE#${api}#${window}`, sk: 'PACE' }),
  /** One open desktop (push connection) of a rep: the rep's connections are one partition, read with one Query. */
  desktopPk: (repId: string) => `DESK#${repId}`,
  desktop: (repId: string, connectionId: string) => ({ pk: `DESK#${repId}`, sk: `CONN#${connectionId}` }),
  desktopSkPrefix: 'CONN#',
  /** When the rep's last desktop closed (the grace period before they are set away runs from it). */
  desktopsClosed: (repId: string) => ({ pk: `DESK#${repId}`, sk: 'CLOSED' }),
  /**
   * A set-aside outbox entry (set-aside-store.ts), in one of SET_ASIDE_SHARDS partitions by its id, sorted by
   * commit time then id: an outage sets aside thousands a minute, more than one partition's write rate would take.
   */
  setAside: (entryId: string, at: number) => ({
    pk: keys.setAsidePk(setAsideShard(entryId)),
    sk: `${String(Math.max(0, Math.floor(at))).padStart(15, '0')}#${entryId}`,
  }),
  setAsidePk: (shard: number) => `${SET_ASIDE_PREFIX}${shard}`,
};

export const encodeCursor = (key: Record<string, unknown> | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/**
 * A page cursor back into the key it encodes. Only a key of the same list is accepted: anything else would make
 * DynamoDB fail the query, so it is the caller's bad input, named as `cursor`.
 */
export function decodeCursor(
  cursor: string | undefined,
  partitionAttribute: string,
  partition: string,
  /** The one key attribute that is a number (an availability order's sort key), if any. */
  numberAttribute?: string,
) {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const fields = key && typeof key === 'object' ? Object.entries(key) : [];
  const valid =
    fields.length > 0 &&
    fields.every(([k, v]) => (k === numberAttribute ? typeof v === 'number' : typeof v === 'string')) &&
    (key as Record<string, unknown>)[partitionAttribute] === partition;
  if (!valid) throw new InvalidInputError('cursor', 'not a cursor this API returned for this list');
  return key as Record<string, string | number>;
}

/**
 * Each order's index, its sort key (present only while the configuration keeps the order, so the index holds only
 * orders something reads), the rep's place in the order (always kept, never indexed: a key is rebuilt from it when
 * an order is taken up), and the scaled count an offer rebuilds the place from.
 */
const AVAILABILITY_INDEXES = {
  free: { indexName: 'availableByFree', sortKey: 'availFree', place: 'placeFree', usedMirror: 'unitsPrimary' },
  interruptibleFree: {
    indexName: 'availableByInterruptibleFree',
    sortKey: 'availInterruptibleFree',
    place: 'placeInterruptibleFree',
    usedMirror: 'unitsInterruptible',
  },
  active: { indexName: 'availableByActive', sortKey: 'availActive', place: 'placeActive', usedMirror: 'unitsActive' },
} as const satisfies Record<
  AvailabilityOrder,
  { indexName: string; sortKey: string; place: string; usedMirror: string }
>;
