import type { WorkSize } from '../config/schema';

/**
 * Spec §3: the life of a work item. `Scheduled`: not routable yet, a callback waiting for its time or a voicemail
 * waiting for its recording (semantics §9).
 */
export type WorkState = 'Scheduled' | 'Queued' | 'Offered' | 'Assigned' | 'WrapUp' | 'Completed' | 'Canceled';

export const HOLDING_STATES: ReadonlySet<WorkState> = new Set(['Offered', 'Assigned', 'WrapUp']);
export const FINAL_STATES: ReadonlySet<WorkState> = new Set(['Completed', 'Canceled']);

export type CapacityPool = 'primary' | 'interruptible';

export interface SkillRequirement {
  readonly skill: string;
  readonly minLevel: number;
  /** Additional requirements are dropped after `dropAfterSeconds`, widening the pool (Omni). */
  readonly additional?: boolean;
  readonly dropAfterSeconds?: number;
}

/** Exactly one routing target (semantics §3). The item's queue always supplies the routing configuration. */
export type RoutingTarget =
  | { readonly kind: 'queue' }
  | {
      readonly kind: 'skills';
      readonly requirements: readonly SkillRequirement[];
      /** After this, the item is routed to the members of its queue instead. */
      readonly fallbackAfterSeconds?: number;
    }
  | {
      readonly kind: 'rep';
      readonly repId: string;
      /** `preferredRepRequired`: never falls back. */
      readonly required: boolean;
      readonly fallbackAfterSeconds?: number;
      /** Fallback to skills; without it the fallback is the item's queue. */
      readonly fallbackSkills?: readonly SkillRequirement[];
    };

/** The capacity an offer holds on one rep, from the offer until release (decline, timeout, rescind, completion). */
export interface Reservation {
  readonly offerId: string;
  readonly repId: string;
  readonly sessionId: string;
  readonly pool: CapacityPool;
  readonly units: number;
  readonly offeredAt: number;
  /** Push timeout deadline; absent when the queue has none. */
  readonly expiresAt?: number;
  /** A transfer to a rep is an offer without the decline option (semantics §7). */
  readonly declinable: boolean;
  readonly acceptedAt?: number;
}

/** A rep's login session that must not be offered this item again (semantics §7). */
export interface Exclusion {
  readonly repId: string;
  readonly sessionId: string;
  readonly at: number;
  readonly reason: 'declined' | 'timedOut';
}

/** Where a transfer sends work (semantics §9), after a routing flow has been resolved. */
export type TransferTarget =
  | { readonly kind: 'rep'; readonly repId: string }
  | { readonly kind: 'queue'; readonly queueId: string; readonly keepRequestedAt: boolean }
  | { readonly kind: 'skills'; readonly queueId: string; readonly requirements: readonly SkillRequirement[] };

/** A voice transfer the rep asked for; it happens when Connect reports the call left them. */
export interface PendingTransfer {
  readonly to: TransferTarget;
  readonly fromRepId: string;
  readonly requestedAt: number;
  /** The routing flow that chose the target, if any. */
  readonly via?: string;
}

/** A callback ("contact request", semantics §9): whom to call, when, and how the dials went. */
export interface CallbackState {
  readonly phoneNumber: string;
  readonly dueAt: number;
  /** Dials started so far. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly retryAfterSeconds: number;
  /** The outbound contact of the current dial (Connect's contact id). */
  readonly dialContactId?: string;
  /** The offer (assignment) the current dial belongs to: one dial per assignment. */
  readonly dialOfferId?: string;
  readonly connected?: boolean;
  /**
   * The customer answered the dial and waits on the line (its contact QUEUED in the holding queue): from then on
   * the callback is a call, offered, accepted and ended through Connect like one (semantics §9).
   */
  readonly onLineSince?: number;
  readonly outcomes: readonly { readonly at: number; readonly outcome: DialOutcome }[];
}

/** `answeredNotConnected`: the customer answered, then hung up before a rep was connected (not called again). */
export type DialOutcome = 'answered' | 'noAnswer' | 'busy' | 'failed' | 'answeredNotConnected';

/**
 * The Connect contact of the call a rep must be connected to, if the item is one: a voice call, or a callback whose
 * customer is on the line. Such an item is targeted in Connect and accepted only when Connect connects it.
 */
export function liveCallOf(item: Pick<WorkItem, 'channel' | 'source' | 'callback'>): string | undefined {
  if (item.channel === 'voice') return item.source;
  return item.callback?.onLineSince !== undefined ? item.callback.dialContactId : undefined;
}

/**
 * A voicemail (semantics §9) is routed only once Connect has written its recording: until then it is Scheduled,
 * and past `recordingDueBy` without one it is reported missing.
 */
export interface VoicemailState {
  readonly recordingDueBy: number;
  /** Where the recording is (s3://bucket/key), as the recordings bucket reported it. */
  readonly recordingLocation?: string;
}

export interface WorkItem {
  readonly id: string;
  readonly channel: string;
  /** Source id (Connect contact id, CRM record id): one item per channel and source. */
  readonly source: string;
  readonly queueId: string;
  readonly target: RoutingTarget;
  readonly priority?: number;
  readonly secondaryPriority?: number;
  readonly size?: WorkSize;
  readonly interruptible: boolean;
  /** Epoch ms; kept across decline, timeout and transfer. */
  readonly requestedAt: number;
  /** Epoch ms when the current target was set: skill drops, fallback and overflow count from here. */
  readonly targetSince: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly state: WorkState;
  readonly version: number;
  readonly reservation?: Reservation;
  readonly exclusions: readonly Exclusion[];
  /** Additional skills already announced as dropped (makes the relaxation event idempotent). */
  readonly relaxedSkills: readonly string[];
  readonly offers: number;
  readonly endedAt?: number;
  readonly wrapUpEndsAt?: number;
  /** Why the item ended, e.g. 'abandoned'. */
  readonly outcome?: string;
  readonly pendingTransfer?: PendingTransfer;
  readonly callback?: CallbackState;
  readonly voicemail?: VoicemailState;
}
