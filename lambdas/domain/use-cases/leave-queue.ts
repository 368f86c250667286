import type { CompiledConfig } from '../config/compiled-config';
import { cancel } from '../routing/lifecycle';
import type { Transition } from '../routing/transitions';
import { type Attempt, itemWrite, type PlannedWrite, RETRY, repWrite } from './commit';
import type { RouterDeps } from './deps';
import { holderOf } from './reads';

/** Why a waiting call ended when its caller chose another way to be served: never counted as an abandon. */
export type LeftQueueReason = 'callbackRequested' | 'leftVoicemail';

/** The waiting call a caller leaves for a callback or a voicemail (semantics §9). */
export interface LeftCall {
  readonly itemId: string;
  /** The call's place in line, which the new item keeps. */
  readonly requestedAt: number;
  /** The call's cancel (and its rep's released offer), committed in the same transaction as the new item. */
  readonly writes: readonly PlannedWrite[];
  readonly canceled: Transition;
  readonly releasedRepId?: string;
}

/**
 * The call the caller is leaving, if it is still waiting (Queued, or Offered to a rep). Committing its cancel with
 * the new item means the caller never waits twice, nor loses their place. RETRY when the offer's rep moved on.
 */
export async function leaveQueue(
  deps: RouterDeps,
  config: CompiledConfig,
  contactId: string,
  reason: LeftQueueReason,
): Promise<Attempt<LeftCall | undefined>> {
  const callId = await deps.store.itemIdForSource('voice', contactId);
  const call = callId ? await deps.store.getItem(callId) : undefined;
  if (!call || (call.state !== 'Queued' && call.state !== 'Offered')) return undefined;
  const rep = call.reservation ? await holderOf(deps, config, call) : undefined;
  if (call.reservation && !rep) return RETRY;
  const canceled = cancel(call, rep, reason, deps.clock.now());
  const writes = [
    itemWrite(canceled.item, call),
    ...(canceled.rep && rep ? [repWrite(config, canceled.rep, rep)] : []),
  ];
  return { itemId: call.id, requestedAt: call.requestedAt, writes, canceled, releasedRepId: call.reservation?.repId };
}

/** What the new item's event says of the call it replaces (`replacesItemId`). */
export const replacing = (left: LeftCall | undefined): { replacesItemId?: string } =>
  left ? { replacesItemId: left.itemId } : {};
