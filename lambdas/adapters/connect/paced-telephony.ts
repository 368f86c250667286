import type { TelephonyPort } from '../../domain/ports';
import { type CallPacer, PacedLine } from './paced-line';

export type { CallPacer } from './paced-line';

export interface PacingOptions {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Each targeted call's added wait (the stack records it as a metric). */
  readonly onWaited?: (ms: number) => void;
  /** Each throttle Connect answered despite the pacing (other users of the account's quota). */
  readonly onThrottled?: () => void;
  /**
   * PutUserStatus's own shared rate (its quota is separate: 2 a second by default): a shift's logins set hundreds
   * of statuses in a minute. Absent: not paced (each call is retried with backoff, then left to the heart beats).
   */
  readonly agentStatusPacer?: CallPacer;
}

type ConnectRequest = Parameters<TelephonyPort['connectRep']>[0];
type StatusRequest = Parameters<NonNullable<TelephonyPort['setAgentStatus']>>[0];

const isThrottle = (err: unknown) =>
  ['ThrottlingException', 'TooManyRequestsException'].includes((err as { name?: string }).name ?? '');

/**
 * UpdateContactRoutingData paced to a rate shared by every router instance (semantics §8), and PutUserStatus to
 * its own when a pacer is given: each call waits for a place, the most urgent first, and none is dropped. A
 * throttle from Connect anyway puts the call back in line. Dials and failure reports go to the inner telephony.
 */
export class PacedTelephony implements TelephonyPort {
  readonly dial?: TelephonyPort['dial'];
  readonly setAgentStatus?: TelephonyPort['setAgentStatus'];
  /** DismissUserContact follows a missed call, one per miss: not paced. */
  readonly dismissContact?: TelephonyPort['dismissContact'];
  private readonly routing: PacedLine;
  private readonly now: () => number;

  constructor(
    private readonly inner: TelephonyPort,
    pacer: CallPacer,
    private readonly options: PacingOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
    this.routing = new PacedLine(pacer, this.now, sleep);
    if (inner.dial) this.dial = (request) => inner.dial!(request);
    if (inner.dismissContact) this.dismissContact = (request) => inner.dismissContact!(request);
    const statusPacer = options.agentStatusPacer;
    if (inner.setAgentStatus) {
      const agents = statusPacer ? new PacedLine(statusPacer, this.now, sleep) : undefined;
      this.setAgentStatus = agents
        ? (request) => this.inLine(agents, Number.MAX_SAFE_INTEGER, () => inner.setAgentStatus!(request))
        : (request: StatusRequest) => inner.setAgentStatus!(request);
    }
  }

  reportFailure(error: unknown, contactId: string): void {
    this.inner.reportFailure?.(error, contactId);
  }

  async connectRep(request: ConnectRequest): Promise<'targeted' | 'contactGone'> {
    const started = this.now();
    const result = await this.inLine(this.routing, request.priority ?? Number.MAX_SAFE_INTEGER, () =>
      this.inner.connectRep(request),
    );
    this.options.onWaited?.(this.now() - started);
    return result;
  }

  /** Sends once a place is held; a throttle goes back in line with the call's age kept. */
  private async inLine<T>(line: PacedLine, priority: number, send: () => Promise<T>): Promise<T> {
    const order = line.ticket();
    for (;;) {
      await line.place(priority, order);
      try {
        return await send();
      } catch (err) {
        if (!isThrottle(err)) throw err;
        this.options.onThrottled?.();
      }
    }
  }
}
