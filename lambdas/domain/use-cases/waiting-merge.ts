import type { CompiledConfig } from '../config/compiled-config';
import type { RoutingStore, WaitPartition } from '../ports';
import { compareWaiting } from '../routing/ordering';
import type { WorkItem } from '../routing/work-item';

const PAGE = 10;

interface Cursor {
  partition: WaitPartition;
  buffer: WorkItem[];
  next?: string;
  done: boolean;
}

/**
 * Walks several waiting lists in the global §5 order, reading each a small page at a time, so the cost is
 * proportional to the items looked at, not to how many are waiting.
 */
export async function* mergeWaiting(
  store: RoutingStore,
  partitions: readonly WaitPartition[],
  config: CompiledConfig,
  now: number,
): AsyncGenerator<WorkItem> {
  const cursors: Cursor[] = partitions.map((partition) => ({ partition, buffer: [], done: false }));
  await Promise.all(cursors.map((c) => refill(store, c)));
  for (;;) {
    let best: Cursor | undefined;
    for (const c of cursors) {
      const head = c.buffer[0];
      if (head && (!best || compareWaiting(head, best.buffer[0]!, config, now) < 0)) best = c;
    }
    if (!best) return;
    yield best.buffer.shift()!;
    if (best.buffer.length === 0) await refill(store, best);
  }
}

async function refill(store: RoutingStore, c: Cursor): Promise<void> {
  if (c.done) return;
  const page = await store.waitingItems(c.partition, PAGE, c.next);
  c.buffer.push(...page.items);
  c.next = page.cursor;
  c.done = page.cursor === undefined;
}
