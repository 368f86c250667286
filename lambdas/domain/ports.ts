import type { StoredConfig } from './config/compiled-config';
import type { AvailabilityOrder } from './routing/availability';
import type { DesktopMessage } from './routing/desktop-messages';
import type { RoutingEvent, Timer } from './routing/events';
import type { OutboxEntry } from './routing/outbox';
import type { RepChange, RepState, VoiceBlock } from './routing/rep';
import type { WorkItem } from './routing/work-item';

export interface Clock {
  now(): number;
}
export interface IdGenerator {
  next(prefix: string): string;
  /**
   * The id of the item for a channel's source id: always the same for the same pair and never for another, so the
   * item's create is the source's claim (one write, semantics §3).
   */
  forSource(channel: string, source: string): string;
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
    /** The call's routing priority (lower is more urgent): calls paced under a quota go in this order. */
    priority?: number;
  }): Promise<'targeted' | 'contactGone'>;
  /** Sets the agent's Connect status, named as the instance names it (PutUserStatus). */
  setAgentStatus?(request: { connectUserId: string; statusName: string }): Promise<void>;
  /** Clears the agent's missed contact, returning them to an available state (DismissUserContact). */
  dismissContact?(request: { connectUserId: string; contactId: string }): Promise<void>;
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

export interface AvailabilityPage {
  readonly limit: number;
  readonly cursor?: string;
  readonly from?: number;
  readonly to?: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly cursor?: string;
}

/**
 * One state write, as the store applies it. Writes committed together succeed or fail together; a write whose
 * guard fails makes the whole commit a ConflictError naming it.
 */
export type StateWrite =
  /** A new item; it also claims its channel + source id, so a second item for the same source conflicts. */
  | {
      readonly kind: 'createItem';
      readonly item: WorkItem;
      /** When the claim was made (the router's clock): the claim expires a retention period after it. */
      readonly claimedAt: number;
      /** Routing-order key for a waiting item (see ordering.rankKey); stores index waiting items by it. */
      readonly rank?: string;
    }
  /** The item's next state, guarded by the version that was read. */
  | { readonly kind: 'updateItem'; readonly item: WorkItem; readonly expectedVersion: number; readonly rank?: string }
  /** An atomic change of a rep's presence and capacity, with its own guards (see RepChange). */
  | { readonly kind: 'rep'; readonly change: RepChange }
  /** The rep's Connect agent state, if newer than the one stored (semantics §8); the rep row must exist. */
  | { readonly kind: 'voiceState'; readonly repId: string; readonly block?: VoiceBlock; readonly at: number }
  /** Claims one more source id for an item (a transferred call's new contact, a callback's dial). */
  | {
      readonly kind: 'claimSource';
      readonly channel: string;
      readonly source: string;
      readonly itemId: string;
      readonly claimedAt: number;
    };

/** Where the contact-center configuration is kept: whole revisions, switched to only once fully written. */
export interface ConfigStore {
  loadConfig(): Promise<StoredConfig | undefined>;
  saveConfig(config: StoredConfig): Promise<void>;
}

/** Routing state: items, reps, source claims and the indexes over them. No Scan: every read is by key or list. */
export interface RoutingStore {
  getItem(itemId: string): Promise<WorkItem | undefined>;
  getRep(repId: string): Promise<RepState | undefined>;
  /** The item created for this channel and source id, if any (submission is idempotent per source). */
  itemIdForSource(channel: string, source: string): Promise<string | undefined>;
  /**
   * Queued items of one partition in routing order (semantics §5), a page at a time. A cursor this store did
   * not return is an InvalidInputError naming `cursor`.
   */
  waitingItems(partition: WaitPartition, limit: number, cursor?: string): Promise<Page<WorkItem>>;
  /** Logged-in reps of a group whose status has at least one channel (may be slightly stale). */
  availableReps(groupId: string): Promise<RepState[]>;
  /**
   * The same reps in one order (routing/availability.ts), best first, a page at a time; `from` and `to`, given
   * together, bound the key, both inclusive. A store that keeps the orders offers this, and a push then reads only
   * the head of its group; without it, a push reads the whole group.
   */
  availableInOrder?(groupId: string, order: AvailabilityOrder, page: AvailabilityPage): Promise<Page<RepState>>;
  /** Items a rep holds (offered, assigned, in wrap-up). */
  heldItems(repId: string): Promise<WorkItem[]>;
  /**
   * Commits all writes atomically; throws ConflictError when any guard does not hold. `outbox`, what the commit
   * causes, is committed with them (semantics §10) and delivered at least once to `OutboxDispatch`.
   */
  commit(writes: readonly StateWrite[], outbox?: OutboxEntry): Promise<void>;
}

/**
 * Where Connect wrote a contact's call recording (semantics §9). Asked only when a voicemail's recording deadline
 * passes without its Object Created event (late or lost), before the voicemail is reported missing.
 */
export interface RecordingLocator {
  /** The recording's location (s3://bucket/key), or undefined when there is none. `around`: when the call was. */
  find(contactId: string, around: number): Promise<string | undefined>;
}

/**
 * The push channel to reps' desktops: every open desktop of the rep gets the message (none open: nothing to do).
 * Each rep receives only their own: the adapter addresses the rep's connections, never a broadcast.
 */
export interface DesktopPush {
  send(repId: string, message: DesktopMessage): Promise<void>;
  /** A push that failed (429, 413, 5xx): counted, never retried; the desktop's next `sync` catches it up. */
  reportFailure?(error: unknown, repId: string): void;
}

/** The parts of an outbox entry that go to a dependency each (desktop pushes are best effort, not a part). */
export type OutboxPart = 'timers' | 'followUps' | 'events';

/**
 * An outbox entry, or the parts of it, the dispatcher could not deliver (semantics §10): kept whole, so the lane
 * moves on and a redrive delivers it later. `transient` (a dependency failing) is redriven on a schedule;
 * `rejected` (a payload a dependency refuses) and `unreadable` (an entry this version cannot read, such as one a
 * newer version wrote) wait for an operator's redrive, after a fix or the deploy that catches up.
 */
export interface SetAsideEntry {
  readonly entryId: string;
  /** The entry as the row carried it (its JSON text), even one this version cannot read. */
  readonly raw: string;
  /** The commit's time: redrives deliver in commit order. */
  readonly at: number;
  readonly parts: readonly OutboxPart[];
  readonly reason: 'transient' | 'rejected' | 'unreadable';
  readonly error: string;
  /** Deliveries tried so far (the first is the dispatcher's). */
  readonly attempts: number;
  /** When the last delivery was tried: the scheduled redrive backs off from it. */
  readonly triedAt: number;
}

/** Where set-aside entries are kept (the routing table, under keys of their own). */
export interface SetAsideStore {
  /** Keeps the entry (again, if it is there: a repeated record sets aside the same entry). */
  put(entry: SetAsideEntry): Promise<void>;
  /** The oldest entries in commit order (time, then entry id), at most `limit`. */
  list(limit: number): Promise<SetAsideEntry[]>;
  /** Delivered: removed, unless another redrive attempted it since (its attempts changed). */
  remove(entry: SetAsideEntry): Promise<void>;
  /** Still failing: what is left, under the attempts read; false when another redrive got there first. */
  replace(entry: SetAsideEntry, next: SetAsideEntry): Promise<boolean>;
  /** How many are kept, by reason (the alarm's and the redrive report's figure). */
  count(): Promise<Readonly<Record<SetAsideEntry['reason'], number>>>;
}

/**
 * Which reps have a workspace (desktop) open, and when a rep's last one closed: a rep away from the workspace is
 * set away after a grace period (semantics §7). Kept by the push channel's connect and disconnect.
 */
export interface DesktopPresence {
  openDesktops(repId: string): Promise<number>;
  /** Records that the rep's last open desktop closed at `at`. */
  markClosed(repId: string, at: number): Promise<void>;
  lastClosedAt(repId: string): Promise<number | undefined>;
}

/** The Command Center's read model as supervisors' pages see it (deployed: the snapshot its feed publishes). */
export interface CommandCenterView {
  /** The latest snapshot; undefined before the first routing events built one. */
  snapshot(): Promise<unknown>;
}
