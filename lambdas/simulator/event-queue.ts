/** A binary min-heap of timed simulation events; ties keep insertion order so runs are reproducible. */
export class EventQueue<T> {
  private heap: { at: number; seq: number; value: T }[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }
  peekTime(): number | undefined {
    return this.heap[0]?.at;
  }

  push(at: number, value: T): void {
    this.heap.push({ at, seq: this.seq++, value });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent]!, this.heap[i]!];
      i = parent;
    }
  }

  pop(): { at: number; value: T } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.less(l, m)) m = l;
        if (r < this.heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        [this.heap[i], this.heap[m]] = [this.heap[m]!, this.heap[i]!];
        i = m;
      }
    }
    return { at: top.at, value: top.value };
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }
}

/** Waits until `virtualMs` of simulated time is due at `speed` virtual seconds per real second since `wallStart`. */
export async function paceTo(wallStart: number, virtualMs: number, speed: number): Promise<void> {
  const due = wallStart + virtualMs / speed;
  const wait = due - Date.now();
  if (wait > 2) await new Promise((r) => setTimeout(r, wait));
}

/** How long a live run sleeps at most before it looks again for due work and people's commands. */
const LIVE_SLICE_MS = 200;

/**
 * One live step: the clock follows the wall clock; true when `at` (the next simulated event or timer) is due,
 * after sleeping at most one slice.
 */
export async function paceLive(clock: { now(): number; set(ms: number): void }, at: number): Promise<boolean> {
  const wait = Math.min(at - Date.now(), LIVE_SLICE_MS);
  if (wait > 2) await new Promise((r) => setTimeout(r, wait));
  clock.set(Math.max(clock.now(), Date.now()));
  return at <= clock.now();
}
