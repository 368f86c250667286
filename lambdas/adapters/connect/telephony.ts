import {
  type ConnectClient,
  ResourceNotFoundException,
  type RoutingCriteriaInputStep,
  StartOutboundVoiceContactCommand,
  ThrottlingException,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import type { TelephonyPort } from '../../domain/ports';
import { ConnectAgents } from './agents';

/** The predefined attribute every unified-routing call is parked on; no agent has it (semantics §8). */
export const PARKING_ATTRIBUTE = { name: 'Routing', value: 'True' } as const;

type DialRequest = { clientToken: string; phoneNumber: string; attributes: Record<string, string> };

/** Outbound calls (callbacks): the flow the call runs (it parks the call like the inbound flow), and pacing. */
export interface OutboundOptions {
  readonly contactFlowId: string;
  /** The holding queue, so the call is parked where routing criteria apply. */
  readonly queueId?: string;
  readonly sourcePhoneNumber?: string;
  /** StartOutboundVoiceContact's default quota is 2 requests/s per account and Region. */
  readonly ratePerSecond?: number;
}

export interface ConnectTelephonyOptions {
  readonly outbound?: OutboundOptions;
  readonly maxAttempts?: number;
  /**
   * Attempts of one UpdateContactRoutingData call. 1 when the calls are paced (PacedTelephony): a throttled call
   * goes back in the pacer's line rather than retrying outside the shared rate. @default maxAttempts
   */
  readonly routingDataAttempts?: number;
  /** Attempts of one PutUserStatus call: 1 when paced, as for routingDataAttempts. @default maxAttempts */
  readonly agentStatusAttempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called when the router carried on after a failed call (wire it to logs and a metric). */
  readonly onFailure?: (error: unknown, contactId: string) => void;
  /** The wall clock for pacing dials (tests pass a fixed one). @default Date.now */
  readonly now?: () => number;
  /** Called on every throttled call (the stack alarms on the metric this feeds). */
  readonly onThrottled?: () => void;
  /**
   * Total time allowed for retries. The contact flow gives the hand-off 8 s in all, so retrying must stop
   * well before; the QUEUED event and the push timeout recover an offer Connect was not told about.
   * @default 2500
   */
  readonly maxElapsedMs?: number;
}

/** The parking step: `Routing` = `True`, which no agent has, and no expiry (semantics §8). */
export const parkingStep = (): RoutingCriteriaInputStep => ({
  Expression: {
    AttributeCondition: {
      Name: PARKING_ATTRIBUTE.name,
      Value: PARKING_ATTRIBUTE.value,
      ProficiencyLevel: 1,
      ComparisonOperator: 'NumberGreaterOrEqualTo',
    },
  },
});

/**
 * Routing criteria that target one rep, then park the call again: step 1 matches the rep's Connect user and
 * expires with the push timeout; step 2 (`Routing` = `True`, no expiry) matches no agent. An expired offer
 * therefore falls back to "parked", never to "any agent in the queue" (reference §0.3).
 */
export function targetRepSteps(connectUserId: string, expirySeconds: number): RoutingCriteriaInputStep[] {
  const rep: RoutingCriteriaInputStep = {
    Expression: {
      AttributeCondition: {
        ComparisonOperator: 'Match',
        MatchCriteria: { AgentsCriteria: { AgentIds: [connectUserId] } },
      },
    },
  };
  // Without a push timeout the rep step never expires, and a parking step after it could never activate.
  if (expirySeconds <= 0) return [rep];
  return [{ ...rep, Expiry: { DurationInSeconds: expirySeconds } }, parkingStep()];
}

/** `UpdateContactRoutingData` takes the instance id, not the ARN. */
export const instanceIdOf = (instanceArn: string) => instanceArn.split('/').at(-1)!;

/**
 * Amazon Connect as the router's telephony: `UpdateContactRoutingData` on a parked contact. Throttling (the
 * quota may be as low as 2 rps) is retried with exponential backoff and full jitter; a contact that no longer
 * exists is reported as a value so the router can cancel the item and release the rep.
 */
export class ConnectTelephony implements TelephonyPort {
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;

  /** Present only when outbound calls are configured; without it reps dial callbacks themselves. */
  readonly dial?: (request: DialRequest) => Promise<{ contactId: string }>;
  private readonly agents: ConnectAgents;

  constructor(
    private readonly client: ConnectClient,
    private readonly instanceArn: string,
    private readonly options: ConnectTelephonyOptions = {},
  ) {
    const outbound = options.outbound;
    if (outbound) this.dial = (request) => this.startOutbound(outbound, request);
    this.agents = new ConnectAgents(client, instanceIdOf(instanceArn));
    this.maxAttempts = options.maxAttempts ?? 6;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Throttling is retried as for every call; a status the instance lacks is a configuration error. */
  setAgentStatus(request: { connectUserId: string; statusName: string }): Promise<void> {
    return this.withBackoff(() => this.agents.setAgentStatus(request), this.options.agentStatusAttempts);
  }

  dismissContact(request: { connectUserId: string; contactId: string }): Promise<void> {
    return this.withBackoff(() => this.agents.dismissContact(request));
  }

  reportFailure(error: unknown, contactId: string): void {
    this.options.onFailure?.(error, contactId);
  }

  async connectRep(request: {
    contactId: string;
    connectUserId: string;
    expirySeconds: number;
  }): Promise<'targeted' | 'contactGone'> {
    const command = new UpdateContactRoutingDataCommand({
      InstanceId: instanceIdOf(this.instanceArn),
      ContactId: request.contactId,
      RoutingCriteria: { Steps: targetRepSteps(request.connectUserId, request.expirySeconds) },
    });
    try {
      await this.withBackoff(() => this.client.send(command), this.options.routingDataAttempts);
      return 'targeted';
    } catch (err) {
      if (err instanceof ResourceNotFoundException) return 'contactGone';
      throw err;
    }
  }

  /**
   * StartOutboundVoiceContact, paced to the quota in this process and retried with backoff when throttled
   * anyway (the quota is per account). The client token makes a retried dial the same call.
   */
  private async startOutbound(outbound: OutboundOptions, request: DialRequest): Promise<{ contactId: string }> {
    const now = this.options.now ?? Date.now;
    const slot = Math.max(now(), this.nextDialAt);
    this.nextDialAt = slot + 1000 / (outbound.ratePerSecond ?? 2);
    if (slot > now()) await this.sleep(slot - now());
    const out = await this.withBackoff(() =>
      this.client.send(
        new StartOutboundVoiceContactCommand({
          InstanceId: instanceIdOf(this.instanceArn),
          ContactFlowId: outbound.contactFlowId,
          DestinationPhoneNumber: request.phoneNumber,
          ClientToken: request.clientToken,
          QueueId: outbound.queueId,
          SourcePhoneNumber: outbound.sourcePhoneNumber,
          Attributes: request.attributes,
        }),
      ),
    );
    if (!out.ContactId) throw new Error('StartOutboundVoiceContact returned no ContactId');
    return { contactId: out.ContactId };
  }

  private nextDialAt = 0;

  /** Throttling is retried with exponential backoff and full jitter, within the time budget. */
  private async withBackoff<T>(send: () => Promise<T>, attempts = this.maxAttempts): Promise<T> {
    const started = Date.now();
    const budget = this.options.maxElapsedMs ?? 2500;
    for (let attempt = 1; ; attempt++) {
      try {
        return await send();
      } catch (err) {
        const throttled =
          err instanceof ThrottlingException || (err as { name?: string }).name === 'TooManyRequestsException';
        if (!throttled) throw err;
        this.options.onThrottled?.();
        const pause = Math.random() * Math.min(1000, 100 * 2 ** attempt);
        if (attempt >= attempts || Date.now() - started + pause > budget) throw err;
        await this.sleep(pause);
      }
    }
  }
}
