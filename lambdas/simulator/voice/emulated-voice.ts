import { ConnectClient, UpdateUserPhoneConfigCommand } from '@aws-sdk/client-connect';
import { AgentPlacement, placementTargets } from '../../adapters/connect/agent-placement';
import { checkSubject, connectProblems } from '../../adapters/connect/connect-check';
import { ConnectTelephony } from '../../adapters/connect/telephony';
import { ConnectEmulator } from '../../adapters/local/connect-emulator/emulator';
import * as people from '../../adapters/local/connect-emulator/people';
import { CompiledConfig } from '../../domain/config/compiled-config';
import type { ContactCenterConfig } from '../../domain/config/schema';
import { validateConfig } from '../../domain/config/validate-config';
import type { Clock, RoutingStore } from '../../domain/ports';
import type { Router } from '../../domain/use-cases/router';
import type { Arrival } from '../scenario';
import { CallbackDials, inboundParameters } from './callers';
import { deployerInstance } from './deployer-instance';
import { voiceHandlers } from './voice-handlers';
import { VoiceLedger } from './voice-ledger';

/** The callback flow the router dials customers into; the emulator runs it as the stack's (callback-flows.ts). */
const CALLBACK_FLOW = 'callback-outbound-flow';

/**
 * Voice through a local Amazon Connect for a simulation (`npm start`): the Connect emulator with a holding queue,
 * each group's UR- routing profile and a user per rep, placed by the deploy's own placement code; the inbound flow
 * hands calls to the deployed hand-off handler, and contact events and agent events go to the deployed handlers.
 * Simulated agents answer by auto-accept, hang up when the call's handle time is over and close after-contact
 * work when its limit ends; customers hang up when their patience runs out.
 */
export class EmulatedVoice {
  readonly ledger: VoiceLedger;
  /** What `npm run connect:check` would name on this instance once agents are placed (none expected). */
  problems: string[] = [];
  private readonly userOf = new Map<string, string>();
  private readonly dialing: CallbackDials;
  private handlers = voiceHandlers(() => this.router);
  private router?: Router;
  private delivered = 0;

  private constructor(
    readonly emulator: ConnectEmulator,
    compiled: ContactCenterConfig,
    /** The configuration to load: the given one with every rep's Connect user. */
    readonly config: unknown,
    readonly telephony: ConnectTelephony,
    private readonly client: ConnectClient,
    private readonly holdingQueueId: string,
    random: () => number,
  ) {
    this.ledger = new VoiceLedger(emulator.instance, new CompiledConfig(compiled), this.userOf);
    this.dialing = new CallbackDials(random);
  }

  /** Starts the emulator and sets the instance up as a deployer's would be after `cdk deploy`. */
  static async start(configJson: unknown, clock: Clock, random: () => number): Promise<EmulatedVoice> {
    const valid = validateConfig(configJson);
    if (!valid.ok) throw new Error(valid.problems.join('; '));
    const cc = valid.config;
    let voice: EmulatedVoice | undefined;
    const emulator = await new ConnectEmulator(
      { now: () => clock.now() },
      {
        handOff: (e) => voice!.delivering(voice!.handlers.handOff(e)),
        contactEvent: async (e) => {
          await voice!.ledger.contactEvent(e, voice!.store());
          return voice!.delivering(voice!.handlers.contactEvent(e));
        },
        agentEvent: (r) => voice!.delivering(voice!.handlers.agentEvent(r)),
        dialAnswer: (phone) => voice!.dialing.answer(phone),
      },
    ).start();
    const { holding, config, loaded, profileOf } = deployerInstance(emulator.instance, cc, configJson);
    const i = emulator.instance;
    const client = new ConnectClient(emulator.clientConfig());
    const telephony = new ConnectTelephony(client, i.arn, {
      // Connect's rates are not simulated: no pacing waits in virtual time.
      sleep: async () => {},
      outbound: { contactFlowId: CALLBACK_FLOW, queueId: holding.id, ratePerSecond: 1000 },
    });
    voice = new EmulatedVoice(emulator, config, loaded, telephony, client, holding.id, random);
    for (const r of config.reps) voice.userOf.set(r.id, r.connectUserId!);
    const placement = new AgentPlacement(client, i.arn);
    for (const target of placementTargets(config, (g) => profileOf.get(g)!)) await placement.place(target);
    voice.problems = await connectProblems(client, i.arn, checkSubject(new CompiledConfig(config), holding.id));
    return voice;
  }

  private storeRef?: RoutingStore;
  private store(): RoutingStore {
    return this.storeRef ?? notWired();
  }

  /** The run's router and store: the handlers call the one, the ledger reads the other. */
  wire(router: Router, store: RoutingStore): void {
    this.router = router;
    this.storeRef = store;
  }

  private async delivering<T>(p: Promise<T>): Promise<T> {
    this.delivered++;
    return p;
  }

  /**
   * Delivers what the instance has pending to the handlers, and runs what came due. True when any handler ran:
   * what it committed has follow-ups to dispatch.
   */
  async settle(): Promise<boolean> {
    return this.serial(async () => {
      const before = this.delivered;
      await this.emulator.settle();
      return this.delivered !== before;
    });
  }

  // Live, a person's test call arrives while the run loop settles the instance: one at a time, in order.
  private queue: Promise<unknown> = Promise.resolve();
  private serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  nextDueAt(): number | undefined {
    return this.emulator.nextDueAt();
  }

  /**
   * A customer calls the arrival's queue: the inbound flow hands the call off and parks it. Resolves with the
   * router's item, or undefined when the hand-off failed and the flow hung up.
   */
  async call(
    a: Pick<Arrival, 'queue' | 'priority' | 'preferredRep' | 'skills'> & { readonly phoneNumber?: string },
    patienceMs?: number,
  ): Promise<{ itemId: string; contactId: string; offered: boolean } | undefined> {
    const parameters = inboundParameters(a);
    const patienceSeconds = patienceMs === undefined ? undefined : patienceMs / 1000;
    const contactId = await this.serial(() =>
      this.emulator.call(this.holdingQueueId, parameters, { patienceSeconds, phoneNumber: a.phoneNumber }),
    );
    const itemId = await this.store().itemIdForSource('voice', contactId);
    if (!itemId) return undefined;
    // Offered, or already connected by auto-accept, unless nobody could take it.
    return { itemId, contactId, offered: (await this.store().getItem(itemId))?.state !== 'Queued' };
  }

  /** Whether the arrival is a call the inbound flow hands off (callbacks are requested, then dialed). */
  carries(config: CompiledConfig, a: Arrival): boolean {
    return config.queue(a.queue).channel === 'voice';
  }

  /** A phone number for a callback request, whose dials then go as the arrival's callback says. */
  callbackNumber(callback: NonNullable<Arrival['callback']>): string {
    return this.dialing.number(callback);
  }

  /** The rep signs in to the softphone (before logging in to the router, as a rep starting a shift does). */
  signIn(repId: string): void {
    const userId = this.userOf.get(repId);
    if (userId && this.emulator.instance.user(userId).softphone !== 'open')
      people.signIn(this.emulator.instance, userId);
  }

  /** The rep's call is over: they hang up in the softphone (after-contact work then ends by its limit). */
  hangUp(repId: string, contactId: string): void {
    const userId = this.userOf.get(repId);
    const held = userId ? this.emulator.instance.user(userId).contact : undefined;
    if (held?.contactId === contactId) people.hangUpAgent(this.emulator.instance, userId!);
  }

  /** A caller hangs up at once (balks). */
  hangUpCustomer(contactId: string): void {
    people.hangUpCustomer(this.emulator.instance, contactId);
  }

  /**
   * People in the live center answer their calls themselves: their phones ring (auto-accept off, as a deployer
   * may set for a rep), so they meet the ring, answer and reject in the softphone stand-in.
   */
  async ringFor(repIds: readonly string[]): Promise<void> {
    for (const repId of repIds) {
      const userId = this.userOf.get(repId);
      const user = userId ? this.emulator.instance.user(userId) : undefined;
      if (!user) continue;
      await this.client.send(
        new UpdateUserPhoneConfigCommand({
          InstanceId: this.emulator.instance.instanceId,
          UserId: user.id,
          PhoneConfig: { ...user.phoneConfig, AutoAccept: false },
        }),
      );
    }
  }

  /** The Connect user of a rep, for the softphone stand-in. */
  connectUserOf(repId: string): string | undefined {
    return this.userOf.get(repId);
  }

  async stop(): Promise<void> {
    this.client.destroy();
    await this.emulator.stop();
  }
}

function notWired(): never {
  throw new Error('the emulated voice line is not wired to a router yet');
}
