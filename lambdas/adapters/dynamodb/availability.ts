import {
  AVAILABILITY_ORDERS,
  type AvailabilityOrder,
  availabilityKey,
  idleSecond,
  poolOfOrder,
  RING,
  ringPosition,
  UNIT,
} from '../../domain/routing/availability';
import type { RepChange, RepState } from '../../domain/routing/rep';
import type { CapacityPool } from '../../domain/routing/work-item';
import { keys } from './keys';

type Limits = Readonly<Record<CapacityPool, number>>;

const countOf = (rep: RepState, order: AvailabilityOrder) =>
  order === 'active' ? rep.activeItems : rep.used[poolOfOrder(order)];

/**
 * A new rep row's place in every order, and the scaled counts its later writes keep them from; the sort key (what
 * puts the row in an order's index) only for the orders the configuration keeps.
 */
export function availabilityAttributes(
  rep: RepState,
  limits: Limits,
  kept: readonly AvailabilityOrder[],
): Record<string, number> {
  const attributes: Record<string, number> = {};
  for (const order of AVAILABILITY_ORDERS) {
    const { sortKey, place, usedMirror } = keys.availability(order);
    attributes[usedMirror] = countOf(rep, order) * UNIT;
    attributes[place] = availabilityKey(rep, limits, order);
    if (kept.includes(order)) attributes[sortKey] = attributes[place];
  }
  return attributes;
}

/**
 * The actions that keep a rep's places in the orders as its write changes it, by arithmetic on the row's own
 * values (never on what the router read: concurrent offers to one rep both land, semantics §4). Each order keeps a
 * scaled count (`units… = count * UNIT`); an offer rebuilds the place from it (its idle second moved), any other
 * change moves the place by the same delta as the count. A kept order's sort key gets the same value (both sides
 * read the row as it was); an order the configuration no longer keeps loses its sort key, so the row leaves that
 * index on its next write instead of costing an index write on every one.
 */
export function availabilitySets(
  change: RepChange,
  names: Record<string, string>,
  values: Record<string, unknown>,
): { sets: string[]; removes: string[] } {
  const sets: string[] = [];
  const removes: string[] = [];
  const kept = change.orders ?? AVAILABILITY_ORDERS;
  for (const order of AVAILABILITY_ORDERS) {
    const { sortKey, place, usedMirror } = keys.availability(order);
    const delta = order === 'active' ? change.activeDelta : (change.pools[poolOfOrder(order)]?.delta ?? 0);
    if (delta === 0 && change.lastOfferAt === undefined) continue;
    names[`#${place}`] = place;
    names[`#${sortKey}`] = sortKey;
    names[`#${usedMirror}`] = usedMirror;
    if (delta !== 0) {
      values[`:${usedMirror}`] = delta * UNIT;
      sets.push(`#${usedMirror} = #${usedMirror} + :${usedMirror}`);
    }
    let value: string;
    if (change.lastOfferAt !== undefined) {
      const limit = order === 'active' ? 0 : change.limits[poolOfOrder(order)];
      values[`:${place}`] = (delta - limit) * UNIT + idleSecond(change.lastOfferAt) * RING + ringPosition(change.repId);
      value = `#${usedMirror} + :${place}`;
    } else value = `#${place} + :${usedMirror}`;
    sets.push(`#${place} = ${value}`);
    if (kept.includes(order)) sets.push(`#${sortKey} = ${value}`);
    else removes.push(`#${sortKey}`);
  }
  return { sets, removes };
}

/** Row attributes that are storage, not rep state. */
export const AVAILABILITY_ATTRIBUTES = AVAILABILITY_ORDERS.flatMap((o) => {
  const { sortKey, place, usedMirror } = keys.availability(o);
  return [sortKey, place, usedMirror];
});
