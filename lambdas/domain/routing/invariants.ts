import type { CompiledConfig } from '../config/compiled-config';
import type { RoutingEvent } from './events';
import type { RepState } from './rep';
import { HOLDING_STATES, type WorkItem, type WorkState } from './work-item';

export interface InvariantReport {
  /** §1.1: used capacity above the pool's size. */
  readonly capacityViolations: number;
  /** §1.2: an item offered or assigned to a second rep while a first one still held it. */
  readonly doubleOffers: number;
  /** §1.3: submitted items missing, or in a state the router cannot see (e.g. queued but not waiting anywhere). */
  readonly lostWorkItems: number;
  /** §1.4: a rep's used capacity differs from the reservations its items hold (a leak or a double release). */
  readonly capacityLeaks: number;
  readonly details: string[];
}

export interface InvariantInput {
  readonly items: readonly WorkItem[];
  readonly reps: readonly RepState[];
  readonly config: CompiledConfig;
  /** Ids the caller submitted; each must still exist. */
  readonly submitted?: Iterable<string>;
  /** The events in publication order, to detect overlapping offers. */
  readonly events?: readonly RoutingEvent[];
  /** Whether a queued item is findable by routing (e.g. present in the waiting index). */
  readonly isWaiting?: (item: WorkItem) => boolean;
}

const KNOWN_STATES: ReadonlySet<WorkState> = new Set([
  'Scheduled',
  'Queued',
  'Offered',
  'Assigned',
  'WrapUp',
  'Completed',
  'Canceled',
]);

/** Checks the invariants of semantics §1 against stored records, not against what the router believes. */
export function checkInvariants(input: InvariantInput): InvariantReport {
  const details: string[] = [];
  const held = new Map<string, { primary: number; interruptible: number; count: number }>();
  for (const item of input.items) {
    if (!HOLDING_STATES.has(item.state) || !item.reservation) continue;
    const h = held.get(item.reservation.repId) ?? { primary: 0, interruptible: 0, count: 0 };
    h[item.reservation.pool] += item.reservation.units;
    h.count += 1;
    held.set(item.reservation.repId, h);
  }
  let capacityViolations = 0;
  let capacityLeaks = 0;
  for (const rep of input.reps) {
    const presence = input.config.reps.get(rep.repId)?.presence;
    if (presence && (rep.used.primary > presence.capacity || rep.used.interruptible > presence.interruptibleCapacity)) {
      capacityViolations++;
      details.push(`rep ${rep.repId} over capacity: ${JSON.stringify(rep.used)}`);
    }
    const h = held.get(rep.repId) ?? { primary: 0, interruptible: 0, count: 0 };
    if (h.primary !== rep.used.primary || h.interruptible !== rep.used.interruptible || h.count !== rep.activeItems) {
      capacityLeaks++;
      details.push(
        `rep ${rep.repId} accounts ${JSON.stringify(rep.used)}/${rep.activeItems} but holds ${JSON.stringify(h)}`,
      );
    }
  }
  const lostWorkItems = countLost(input, details);
  return {
    capacityViolations,
    doubleOffers: countDoubleOffers(input.events ?? [], details),
    lostWorkItems,
    capacityLeaks,
    details,
  };
}

function countLost(input: InvariantInput, details: string[]): number {
  const byId = new Map(input.items.map((i) => [i.id, i]));
  let lost = 0;
  for (const id of input.submitted ?? []) {
    const item = byId.get(id);
    const reason = !item
      ? 'missing'
      : !KNOWN_STATES.has(item.state)
        ? `unknown state ${item.state}`
        : HOLDING_STATES.has(item.state) && !item.reservation
          ? 'held without a reservation'
          : (item.state === 'Queued' || item.state === 'Scheduled') && input.isWaiting && !input.isWaiting(item)
            ? `${item.state.toLowerCase()} but in no waiting list`
            : undefined;
    if (reason) {
      lost++;
      details.push(`item ${id} lost: ${reason}`);
    }
  }
  return lost;
}

/**
 * An offer is open from offer.created until it is declined, timed out, rescinded, or the item ends. Events from
 * several routers may be published out of commit order, so each item's events are read in item-version order.
 */
function countDoubleOffers(events: readonly RoutingEvent[], details: string[]): number {
  const byItem = new Map<string, { e: RoutingEvent; i: number }[]>();
  events.forEach((e, i) => {
    if (!('itemId' in e)) return;
    const list = byItem.get(e.itemId) ?? [];
    list.push({ e, i });
    byItem.set(e.itemId, list);
  });
  const versionOf = (e: RoutingEvent) => ('itemVersion' in e ? (e.itemVersion ?? 0) : 0);
  let doubles = 0;
  for (const [itemId, list] of byItem) {
    let holder: string | undefined;
    for (const { e } of list.sort((a, b) => versionOf(a.e) - versionOf(b.e) || a.i - b.i)) {
      if (e.type === 'offer.created') {
        if (holder) {
          doubles++;
          details.push(`item ${itemId} offered to ${e.repId} while held by ${holder}`);
        }
        holder = e.repId;
      } else if (
        [
          'offer.declined',
          'offer.timedOut',
          'offer.rescinded',
          'work.completed',
          'work.canceled',
          'work.transferred',
          'callback.attemptFailed',
        ].includes(e.type)
      ) {
        holder = undefined;
      }
    }
  }
  return doubles;
}
