import type { CompiledConfig } from '../config/compiled-config';
import type { QueueConfig } from '../config/schema';
import type { WaitPartition } from '../ports';
import type { WorkItem } from './work-item';

/** Items without a secondary priority come after those with one. */
const NO_SECONDARY = 999_999;
const pad = (n: number) => Math.max(0, Math.round(n)).toString().padStart(16, '0');

export const basePriority = (item: WorkItem, queue: QueueConfig) => item.priority ?? queue.priority;

/**
 * Spec §5 with aging: every `agingSeconds` of waiting raises the item one priority level. Levels are
 * continuous (fractional), which makes the order at any instant equal to the static order of
 * `priority·a + requestedAt`, so the waiting index never needs rewriting as time passes (§13).
 */
export function effectivePriority(item: WorkItem, queue: QueueConfig, now: number): number {
  const base = basePriority(item, queue);
  if (!queue.agingSeconds) return base;
  return base - (now - item.requestedAt) / (queue.agingSeconds * 1000);
}

/** Spec §5: effective priority, then secondary priority, then oldest request, then id. */
export function compareWaiting(a: WorkItem, b: WorkItem, config: CompiledConfig, now: number): number {
  const pa = effectivePriority(a, config.queue(a.queueId), now);
  const pb = effectivePriority(b, config.queue(b.queueId), now);
  if (pa !== pb) return pa - pb;
  const sa = a.secondaryPriority ?? NO_SECONDARY;
  const sb = b.secondaryPriority ?? NO_SECONDARY;
  if (sa !== sb) return sa - sb;
  if (a.requestedAt !== b.requestedAt) return a.requestedAt - b.requestedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A sort key whose lexical order is the §5 order among items of one queue, at every instant.
 * Stored on waiting items so that the head of a queue is one small query.
 */
export function rankKey(item: WorkItem, queue: QueueConfig): string {
  const base = basePriority(item, queue);
  const primary = queue.agingSeconds ? base * queue.agingSeconds * 1000 + item.requestedAt : base;
  return [pad(primary), pad(item.secondaryPriority ?? NO_SECONDARY), pad(item.requestedAt), item.id].join('#');
}

/** Scheduled items in the order they come due: a callback at its time, a voicemail at its recording deadline. */
export const scheduledDueAt = (item: WorkItem) => item.callback?.dueAt ?? item.voicemail?.recordingDueBy ?? 0;
export const scheduledRank = (item: WorkItem) => `${pad(scheduledDueAt(item))}#${item.id}`;

/** Which waiting list a queued (or scheduled) item belongs to. */
export function waitPartition(item: WorkItem): WaitPartition {
  if (item.state === 'Scheduled') return { kind: 'scheduled' };
  switch (item.target.kind) {
    case 'queue':
      return { kind: 'queue', queueId: item.queueId };
    case 'skills':
      return { kind: 'skills', queueId: item.queueId };
    case 'rep':
      return { kind: 'rep', repId: item.target.repId };
  }
}
