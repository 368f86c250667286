/** Where a call reserves its place under the shared rate (DynamoCallPacer, or anything with the same answer). */
export interface CallPacer {
  /** The start of the window reserved for one call, or when to try again if none was free. */
  reserve(now: () => number): Promise<{ at: number } | { retryAt: number }>;
}

interface Waiting {
  readonly priority: number;
  readonly order: number;
  readonly go: () => void;
  readonly fail: (err: unknown) => void;
}

/** Reservations one line keeps in flight. */
const RESERVATIONS_AHEAD = 8;

/**
 * Calls of one Connect operation waiting for a window of its shared rate: each waits for a place, the most urgent
 * first (lower priority number, then the oldest), and none is dropped.
 */
export class PacedLine {
  private readonly line: Waiting[] = [];
  private reserving = 0;
  private arrivals = 0;

  constructor(
    private readonly pacer: CallPacer,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** A ticket that keeps the call's age across retries (a throttled call goes back in line where it was). */
  ticket(): number {
    return ++this.arrivals;
  }

  /** Resolves when this call holds a place under the rate; calls are let through by urgency. */
  place(priority: number, order: number): Promise<void> {
    return new Promise<void>((go, fail) => {
      this.line.push({ priority, order, go, fail });
      this.line.sort((a, b) => a.priority - b.priority || a.order - b.order);
      this.reserveAhead();
    });
  }

  /** One reservation per waiting call, a few at once, so the store's latency does not slow the rate. */
  private reserveAhead(): void {
    while (this.line.length > this.reserving && this.reserving < RESERVATIONS_AHEAD) {
      this.reserving++;
      void this.reserveOne().finally(() => {
        this.reserving--;
        this.reserveAhead();
      });
    }
  }

  private async reserveOne(): Promise<void> {
    for (;;) {
      let answer: Awaited<ReturnType<CallPacer['reserve']>>;
      try {
        answer = await this.pacer.reserve(this.now);
      } catch (err) {
        // The pacer's store failed past the SDK's retries: a call fails as a Connect failure would (the router's
        // recovery re-targets it); the rest keep their places.
        this.line.shift()?.fail(err);
        return;
      }
      if ('at' in answer) {
        if (answer.at > this.now()) await this.sleep(answer.at - this.now());
        // The window is reserved; whoever is most urgent when it opens takes it.
        this.line.shift()?.go();
        return;
      }
      await this.sleep(Math.max(1, answer.retryAt - this.now()));
    }
  }
}
