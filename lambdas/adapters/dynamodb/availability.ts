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

/** A new rep row's places in every order, and the scaled counts its later writes keep them from. */
export function availabilityAttributes(rep: RepState, limits: Limits): Record<string, number> {
  const attributes: Record<string, number> = {};
  for (const order of AVAILABILITY_ORDERS) {
    const { sortKey, usedMirror } = keys.availability(order);
    attributes[usedMirror] = countOf(rep, order) * UNIT;
    attributes[sortKey] = availabilityKey(rep, limits, order);
  }
  return attributes;
}

/**
 * The SET actions that keep a rep's places in the orders as its write changes it, by arithmetic on the row's own
 * values (never on what the router read: concurrent offers to one rep both land, semantics §4). Each order keeps a
 * scaled count (`units… = count * UNIT`); an offer rebuilds the key from it (its idle second moved), any other
 * change moves the key by the same delta as the count.
 */
export function availabilitySets(change: RepChange, names: Record<string, string>, values: Record<string, unknown>) {
  const sets: string[] = [];
  for (const order of AVAILABILITY_ORDERS) {
    const { sortKey, usedMirror } = keys.availability(order);
    const delta = order === 'active' ? change.activeDelta : (change.pools[poolOfOrder(order)]?.delta ?? 0);
    if (delta === 0 && change.lastOfferAt === undefined) continue;
    names[`#${sortKey}`] = sortKey;
    names[`#${usedMirror}`] = usedMirror;
    if (delta !== 0) {
      values[`:${usedMirror}`] = delta * UNIT;
      sets.push(`#${usedMirror} = #${usedMirror} + :${usedMirror}`);
    }
    if (change.lastOfferAt !== undefined) {
      const limit = order === 'active' ? 0 : change.limits[poolOfOrder(order)];
      values[`:${sortKey}`] =
        (delta - limit) * UNIT + idleSecond(change.lastOfferAt) * RING + ringPosition(change.repId);
      sets.push(`#${sortKey} = #${usedMirror} + :${sortKey}`);
    } else sets.push(`#${sortKey} = #${sortKey} + :${usedMirror}`);
  }
  return sets;
}

/** Row attributes that are storage, not rep state. */
export const AVAILABILITY_ATTRIBUTES = AVAILABILITY_ORDERS.flatMap((o) => {
  const { sortKey, usedMirror } = keys.availability(o);
  return [sortKey, usedMirror];
});
