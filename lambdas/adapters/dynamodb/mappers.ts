import type { AvailabilityOrder } from '../../domain/routing/availability';
import { waitPartition } from '../../domain/routing/ordering';
import { OUTBOX_FORMAT, type OutboxEntry } from '../../domain/routing/outbox';
import { isRoutable, type RepState } from '../../domain/routing/rep';
import type { CapacityPool } from '../../domain/routing/work-item';
import { FINAL_STATES, HOLDING_STATES, type WorkItem } from '../../domain/routing/work-item';
import { AVAILABILITY_ATTRIBUTES, availabilityAttributes } from './availability';
import { keys } from './keys';
import { RETENTION_SECONDS } from './table-definition';

type Row = Record<string, unknown>;
const STORAGE_ATTRIBUTES = [
  'pk',
  'sk',
  'type',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  ...AVAILABILITY_ATTRIBUTES,
  'gsi3pk',
  'gsi3sk',
  'expiresAt',
  'outbox',
];

function strip<T>(row: Row): T {
  const copy: Row = { ...row };
  for (const key of STORAGE_ATTRIBUTES) delete copy[key];
  return copy as T;
}

/**
 * How a row carries its commit's outbox entry: one JSON string. DynamoDB and the SDK then handle one attribute, not a
 * nested map of events (on DynamoDB Local an arrival's transaction took about 7% less CPU), and every reader of the
 * stream gets back exactly what was written.
 */
export const outboxValue = (entry: OutboxEntry): string => JSON.stringify({ v: OUTBOX_FORMAT, ...entry });

/**
 * A work item row; `outbox`, what the commit writing it caused, rides on the row so the table's stream delivers it
 * (ARCHITECTURE.md, "Delivery"). Index attributes are derived from state: only queued items are in the waiting index,
 * only held items in the held index, so both indexes stay sparse.
 */
export function itemToRow(item: WorkItem, rank: string | undefined, outbox?: OutboxEntry): Row {
  const row: Row = {
    ...keys.item(item.id),
    type: 'WorkItem',
    ...item,
    ...(outbox ? { outbox: outboxValue(outbox) } : {}),
  };
  if (item.state === 'Queued' || item.state === 'Scheduled') {
    if (rank === undefined) throw new Error(`${item.state} item ${item.id} written without a rank`);
    row.gsi1pk = keys.waitingPk(waitPartition(item));
    row.gsi1sk = rank;
  }
  if (HOLDING_STATES.has(item.state) && item.reservation) {
    row.gsi3pk = keys.heldPk(item.reservation.repId);
    row.gsi3sk = item.id;
  }
  if (FINAL_STATES.has(item.state)) row.expiresAt = Math.floor((item.endedAt ?? 0) / 1000) + RETENTION_SECONDS;
  return row;
}

export const rowToItem = (row: Row): WorkItem => strip<WorkItem>(row);

/**
 * A rep row: in the availability indexes only while logged in with a status that routes something, placed in each
 * order by its capacity `limits`, and in the indexes of the orders the configuration keeps.
 */
export function repToRow(
  rep: RepState,
  limits: Readonly<Record<CapacityPool, number>>,
  kept: readonly AvailabilityOrder[],
  outbox?: OutboxEntry,
): Row {
  const row: Row = {
    ...keys.rep(rep.repId),
    type: 'Rep',
    ...rep,
    ...availabilityAttributes(rep, limits, kept),
    ...(outbox ? { outbox: outboxValue(outbox) } : {}),
  };
  if (isRoutable(rep)) row.gsi2pk = keys.availablePk(rep.groupId);
  return row;
}

export const rowToRep = (row: Row): RepState => strip<RepState>(row);

/** The row that says a channel's source id is taken by an item, kept for the retention period after the claim. */
export function sourceClaimToRow(channel: string, source: string, itemId: string, claimedAt: number): Row {
  const expiresAt = Math.floor(claimedAt / 1000) + RETENTION_SECONDS;
  return { ...keys.source(channel, source), type: SOURCE_CLAIM, itemId, expiresAt };
}

export const SOURCE_CLAIM = 'SourceClaim';

/** The item a source's row names: the item itself, or the one its claim row points to. */
export const itemIdOfSourceRow = (row: Row): string => (row.type === SOURCE_CLAIM ? row.itemId : row.id) as string;
