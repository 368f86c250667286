import type { CompiledConfig } from '../config/compiled-config';
import type { PendingTransfer, WorkItem } from './work-item';

/** The item as it re-enters routing: no holder, the new target, requestedAt kept unless the rep said otherwise. */
export function requeuedForTransfer(
  item: WorkItem,
  pending: PendingTransfer,
  config: CompiledConfig,
  now: number,
  newSource?: string,
): WorkItem {
  const to = pending.to;
  const queueId = to.kind === 'rep' ? item.queueId : to.queueId;
  const fallbackAfterSeconds = config.queue(queueId).pushTimeoutSeconds || 60;
  return {
    ...item,
    state: 'Queued',
    reservation: undefined,
    pendingTransfer: undefined,
    version: item.version + 1,
    source: newSource ?? item.source,
    queueId,
    targetSince: now,
    relaxedSkills: [],
    requestedAt: to.kind === 'queue' && !to.keepRequestedAt ? now : item.requestedAt,
    // Transferred to a rep who cannot take it now: it waits for them, then falls back to the queue.
    target:
      to.kind === 'rep'
        ? { kind: 'rep', repId: to.repId, required: false, fallbackAfterSeconds }
        : to.kind === 'skills'
          ? { kind: 'skills', requirements: to.requirements }
          : { kind: 'queue' },
  };
}
