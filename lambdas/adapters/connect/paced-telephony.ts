import type { TelephonyPort } from '../../domain/ports';

/** Where a call reserves its place under the shared rate (DynamoCallPacer, or anything with the same answer). */
export interface CallPacer {
  /** The start of the window reserved for one call, or when to try again if none was free. */
  reserve(now: () => number): Promise<{ at: number } | { retryAt: number }>;
}

export interface PacingOptions {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Each targeted call's added wait (the stack records it as a metric). */
  readonly onWaited?: (ms: number) => void;
  /** Each throttle Connect answered despite the pacing (other users of the account's quota). */
  readonly onThrottled?: () => void;
}

type ConnectRequest = Parameters<TelephonyPort['connectRep']>[0];
interface Waiting {
  readonly priority: number;
  readonly order: number;
  readonly go: () => void;
  readonly fail: (err: unknown) => void;
}

/** Reservations one instance keeps in flight. */
const RESERVATIONS_AHEAD = 8;

const isThrottle = (err: unknown) =>
  ['ThrottlingException', 'TooManyRequestsException'].includes((err as { name?: string }).name ?? '');

/**
 * UpdateContactRoutingData paced to a rate shared by every router instance (semantics §8): each call waits for a
 * place, the most urgent first (lower priority number, then the oldest), and none is dropped. A throttle from
 * Connect anyway puts the call back in line. Dials and failure reports go to the inner telephony unchanged.
 */
export class PacedTelephony implements TelephonyPort {
  readonly dial?: TelephonyPort['dial'];
  /** Agent calls have quotas of their own: only UpdateContactRoutingData goes through the shared line. */
  readonly setAgentStatus?: TelephonyPort['setAgentStatus'];
  readonly dismissContact?: TelephonyPort['dismissContact'];
  private readonly line: Waiting[] = [];
  private reserving = 0;
  private arrivals = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly inner: TelephonyPort,
    private readonly pacer: CallPacer,
    private readonly options: PacingOptions = {},
  ) {
    if (inner.dial) this.dial = (request) => inner.dial!(request);
    if (inner.setAgentStatus) this.setAgentStatus = (request) => inner.setAgentStatus!(request);
    if (inner.dismissContact) this.dismissContact = (request) => inner.dismissContact!(request);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  reportFailure(error: unknown, contactId: string): void {
    this.inner.reportFailure?.(error, contactId);
  }

  async connectRep(request: ConnectRequest): Promise<'targeted' | 'contactGone'> {
    const started = this.now();
    const order = ++this.arrivals;
    for (;;) {
      await this.place(request.priority ?? Number.MAX_SAFE_INTEGER, order);
      try {
        const result = await this.inner.connectRep(request);
        this.options.onWaited?.(this.now() - started);
        return result;
      } catch (err) {
        if (!isThrottle(err)) throw err;
        this.options.onThrottled?.();
      }
    }
  }

  /** Resolves when this call holds a place under the rate; calls are let through by urgency. */
  private place(priority: number, order: number): Promise<void> {
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
