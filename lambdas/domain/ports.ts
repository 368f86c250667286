import type { ContactCenterConfig } from './config/schema';
import type { RoutingEvent, Timer } from './routing/events';
import type { RepChange, RepState } from './routing/rep';
import type { WorkItem } from './routing/work-item';

export interface Clock {
  now(): number;
}
export interface IdGenerator {
  next(prefix: string): string;
}

/** Where domain events go after the state change that caused them has been committed. */
export interface EventSink {
  publish(events: readonly RoutingEvent[]): Promise<void>;
}

/** Delayed work: push timeouts, skill drops, fallback, overflow, wrap-up end, re-offer. */
export interface TimerPort {
  schedule(timers: readonly Timer[]): Promise<void>;
}

/**
 * Telephony (Amazon Connect): tell Connect to connect exactly this rep to a parked call. `contactGone` means the
 * contact no longer exists (the caller hung up); the router then cancels the item and releases the reservation.
 */
export interface TelephonyPort {
  connectRep(request: {
    contactId: string;
    connectUserId: string;
    expirySeconds: number;
  }): Promise<'targeted' | 'contactGone'>;
  /** Told when a call to Connect failed and the router carried on (the offer recovers by QUEUED or timeout). */
  reportFailure?(error: unknown, contactId: string): void;
  /**
   * Starts an outbound call to a customer (callbacks). The same `clientToken` never dials twice, so a retried
   * request is safe. Throws when the call could not be started.
   */
  dial?(request: {
    clientToken: string;
    phoneNumber: string;
    attributes: Record<string, string>;
  }): Promise<{ contactId: string }>;
}

/** A waiting list: one per queue for queue-routed work, per queue for skills work, per rep for direct work. */
export type WaitPartition =
  | { readonly kind: 'queue'; readonly queueId: string }
  | { readonly kind: 'skills'; readonly queueId: string }
  | { readonly kind: 'rep'; readonly repId: string }
  /** Callbacks waiting for their time, by due time (the sweeper reads its head for lost due timers). */
  | { readonly kind: 'scheduled' };

export interface Page<T> {
  readonly items: T[];
  readonly cursor?: string;
}

/**
 * One state write. An item is guarded by the version that was read (`expectedVersion` 0: must not exist yet;
 * creating an item also claims its channel + source id, so a second item for the same source conflicts).
 * A rep change is atomic and carries its own guards (see RepChange). Writes committed together succeed or
 * fail together.
 */
export type StateWrite =
  | {
      readonly kind: 'item';
      readonly item: WorkItem;
      readonly expectedVersion: number;
      /** Routing-order key for a queued item (see ordering.rankKey); stores index waiting items by it. */
      readonly rank?: string;
    }
  | {
      readonly kind: 'rep';
      readonly change: RepChange;
      /** The state the writer expects after the change (not stored: it feeds the writer's candidate cache). */
      readonly after?: RepState;
    }
  /** Claims one more source id for an item (a transferred call's new contact, a callback's dial). */
  | { readonly kind: 'source'; readonly channel: string; readonly source: string; readonly itemId: string };

export interface RoutingStore {
  loadConfig(): Promise<ContactCenterConfig | undefined>;
  saveConfig(config: ContactCenterConfig): Promise<void>;
  getItem(itemId: string): Promise<WorkItem | undefined>;
  getRep(repId: string): Promise<RepState | undefined>;
  /** The item created for this channel and source id, if any (submission is idempotent per source). */
  itemIdForSource(channel: string, source: string): Promise<string | undefined>;
  /** Queued items of one partition in routing order (semantics §5), a page at a time. */
  waitingItems(partition: WaitPartition, limit: number, cursor?: string): Promise<Page<WorkItem>>;
  /** Logged-in reps of a group whose status has at least one channel (may be slightly stale). */
  availableReps(groupId: string): Promise<RepState[]>;
  /** Items a rep holds (offered, assigned, in wrap-up). */
  heldItems(repId: string): Promise<WorkItem[]>;
  /** Commits all writes atomically; throws ConflictError when any expected version does not match. */
  commit(writes: readonly StateWrite[]): Promise<void>;
}
