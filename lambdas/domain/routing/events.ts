import type { IneligibleReason } from './eligibility';
import type { CapacityPool } from './work-item';

/** Why this rep: semantics §10 requires every offer to explain the choice. */
export interface OfferExplanation {
  readonly considered: number;
  readonly eligible: number;
  readonly routingModel: 'MostAvailable' | 'LeastActive';
  /** How many reps were ruled out for each reason. */
  readonly ineligibleByReason: Partial<Record<IneligibleReason, number>>;
  /** The first few ruled-out reps with their reason (bounded to keep events small). */
  readonly ineligible: ReadonlyArray<{ readonly repId: string; readonly reason: IneligibleReason }>;
}

interface ItemEvent {
  readonly at: number;
  readonly itemId: string;
  /** The item's version after the change: subscribers order and de-duplicate unordered deliveries by it. */
  readonly itemVersion?: number;
}
interface OfferEvent extends ItemEvent {
  readonly offerId: string;
  readonly repId: string;
}

export type QueuedReason =
  | 'submitted'
  | 'declined'
  | 'timedOut'
  | 'rescinded'
  | 'overflowed'
  | 'fellBack'
  | 'transferred'
  | 'callbackDue'
  | 'recordingArrived'
  /** A callback's customer answered, but Connect could not reach the rep who dialed: they wait for another. */
  | 'repUnreachable';

/** A transfer destination as events name it. */
export interface TransferTo {
  readonly kind: 'rep' | 'queue' | 'skills';
  readonly id: string;
}

export type RoutingEvent =
  | (ItemEvent & {
      readonly type: 'work.queued';
      readonly channel: string;
      readonly queueId: string;
      readonly source: string;
      readonly reason: QueuedReason;
    })
  | (OfferEvent & {
      readonly type: 'offer.created';
      readonly channel: string;
      readonly queueId: string;
      readonly pool: CapacityPool;
      readonly units: number;
      readonly expiresAt?: number;
      readonly declinable: boolean;
      readonly explanation: OfferExplanation;
    })
  | (OfferEvent & { readonly type: 'offer.accepted'; readonly waitMs: number })
  | (OfferEvent & { readonly type: 'offer.declined'; readonly reason?: string })
  | (OfferEvent & { readonly type: 'offer.timedOut' })
  | (OfferEvent & { readonly type: 'offer.rescinded'; readonly reason: string })
  | (OfferEvent & { readonly type: 'work.assigned'; readonly channel: string })
  | (OfferEvent & { readonly type: 'work.wrapUpStarted'; readonly wrapUpEndsAt: number })
  | (ItemEvent & { readonly type: 'work.completed'; readonly repId?: string })
  | (ItemEvent & { readonly type: 'work.canceled'; readonly reason: string; readonly repId?: string })
  | (ItemEvent & { readonly type: 'work.overflowed'; readonly fromQueue: string; readonly toQueue: string })
  | (ItemEvent & { readonly type: 'work.fellBack'; readonly to: 'queue' | 'skills'; readonly reason: string })
  | (ItemEvent & { readonly type: 'skills.relaxed'; readonly dropped: readonly string[] })
  | (ItemEvent & {
      readonly type: 'work.transferRequested';
      readonly fromRepId: string;
      readonly to: TransferTo;
      readonly via?: string;
    })
  | (ItemEvent & {
      readonly type: 'work.transferred';
      readonly fromRepId: string;
      readonly to: TransferTo;
      readonly via?: string;
    })
  | (ItemEvent & {
      readonly type: 'routingFlow.failed';
      readonly flow: string;
      readonly error: string;
      readonly fallbackQueue: string;
    })
  | (ItemEvent & {
      readonly type: 'callback.requested';
      readonly queueId: string;
      readonly dueAt: number;
      /** The waiting call the caller left for this callback; it keeps that call's place in line. */
      readonly replacesItemId?: string;
    })
  | (ItemEvent & {
      readonly type: 'voicemail.awaitingRecording';
      readonly queueId: string;
      readonly recordingDueBy: number;
      readonly replacesItemId?: string;
    })
  | (ItemEvent & { readonly type: 'voicemail.recordingMissing'; readonly queueId: string; readonly source: string })
  | (ItemEvent & {
      readonly type: 'callback.dialed';
      readonly repId: string;
      readonly attempt: number;
      readonly contactId?: string;
    })
  | (ItemEvent & { readonly type: 'callback.connected'; readonly repId: string; readonly attempt: number })
  | (ItemEvent & {
      readonly type: 'callback.attemptFailed';
      readonly repId: string;
      readonly attempt: number;
      readonly outcome: 'noAnswer' | 'busy' | 'failed' | 'answeredNotConnected';
      readonly retryAt?: number;
    })
  | (ItemEvent & { readonly type: 'callback.exhausted'; readonly attempts: number })
  | {
      readonly type: 'rep.presenceChanged';
      readonly at: number;
      readonly repId: string;
      readonly loggedIn: boolean;
      readonly statusId?: string;
      readonly sessionId?: string;
      readonly reason: string;
      /** The supervisor who made the change, when it was not the rep (the audit trail). */
      readonly by?: string;
    }
  | (ItemEvent & {
      readonly type: 'supervisor.acted';
      /** Who acted: the supervisor's id (the audit trail). */
      readonly by: string;
      readonly action: SupervisorAction;
      readonly repId?: string;
      readonly fromQueue?: string;
      readonly toQueue?: string;
      readonly fromPriority?: number;
      readonly toPriority?: number;
    });

/** What a supervisor did to a waiting item (semantics §11). */
export type SupervisorAction = 'assign' | 'move' | 'reprioritize';

export type RoutingEventType = RoutingEvent['type'];

/** Timers the router sets for itself; `guard` makes a stale timer (the item moved on) a no-op. */
export type TimerKind =
  | 'pushTimeout'
  | 'skillDrop'
  | 'fallback'
  | 'overflow'
  | 'wrapUpEnd'
  | 'reoffer'
  | 'callbackDue'
  | 'recordingDue'
  /** The rep's last workspace closed: `itemId` is the rep's id and `guard` the closing time (semantics §7). */
  | 'workspaceClosed';

export interface Timer {
  readonly kind: TimerKind;
  readonly itemId: string;
  readonly dueAt: number;
  readonly guard: string;
}
