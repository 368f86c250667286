import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { ConnectEmulator } from '../../lambdas/adapters/local/connect-emulator/emulator';
import type { EmulatedUser } from '../../lambdas/adapters/local/connect-emulator/model';
import * as people from '../../lambdas/adapters/local/connect-emulator/people';
import type { ContactCenterJson } from '../../lambdas/domain/config/schema';
import { Router } from '../../lambdas/domain/use-cases/router';
import { voiceHandlers } from '../../lambdas/simulator/voice/voice-handlers';
import { smallCenter } from '../fixtures/small-center';
import { makeHarness, T0 } from './harness';

export interface VoiceCenterOptions {
  /** The emulated instance's ring time. */
  readonly ringSeconds?: number;
  /** The instance publishes HEART_BEAT agent records (every 120 s with no other event). */
  readonly heartBeats?: boolean;
  /** The router's configuration, given the reps' Connect user ids. */
  readonly config?: (users: Record<string, string>) => ContactCenterJson;
  /** Reps whose Connect users start outside the UR routing profile (defect: agents never placed). */
  readonly outsideProfile?: readonly string[];
  /** How each callback dial goes for the customer. @default answered */
  readonly dialAnswer?: (phoneNumber: string) => 'answer' | 'noAnswer' | 'busy';
}

/** rep-a, rep-b, rep-c as in smallCenter, each with a Connect user; voice wraps up for 30 s. */
const voiceConfig = (users: Record<string, string>): ContactCenterJson => {
  const base = smallCenter();
  return {
    ...base,
    channels: [
      { name: 'voice', realTime: true, wrapUpSeconds: 30 },
      { name: 'chat', realTime: true },
      { name: 'case', realTime: false },
    ],
    reps: base.reps!.map((r) => ({ ...r, connectUserId: users[r.id] })),
  };
};

/**
 * The router on DynamoDB Local with Amazon Connect emulated: the real ConnectClient talks to the emulator, and
 * the emulator's contact events and flow invocations go to the deployed handlers. Time is one clock for both.
 */
export async function voiceCenter(options: VoiceCenterOptions = {}) {
  let handOff: (e: unknown) => Promise<unknown> = async () => undefined;
  let contactEvents: (e: unknown) => Promise<unknown> = async () => undefined;
  let agentEvents: (e: unknown) => Promise<unknown> = async () => undefined;
  // One clock: the harness's, made once the configuration (which names the emulator's users) is loaded.
  let clock: { now(): number } | undefined;
  const emulator = await new ConnectEmulator(
    { now: () => clock?.now() ?? T0, ringSeconds: options.ringSeconds ?? 30, heartBeats: options.heartBeats },
    {
      handOff: (e) => handOff(e),
      contactEvent: (e) => contactEvents(e),
      agentEvent: (r) => agentEvents(r),
      dialAnswer: options.dialAnswer,
    },
  ).start();
  const i = emulator.instance;
  const holding = i.addQueue('UR-Holding');
  const ur = i.addRoutingProfile('UR-g1', [holding.id]);
  const basic = i.addRoutingProfile('Basic Routing Profile', [i.addQueue('BasicQueue').id]);
  const users: Record<string, EmulatedUser> = {};
  for (const rep of ['rep-a', 'rep-b', 'rep-c']) {
    const profile = options.outsideProfile?.includes(rep) ? basic : ur;
    users[rep] = i.addUser(rep, { routingProfileId: profile.id, phoneConfig: { AutoAccept: false } });
  }
  const ids = Object.fromEntries(Object.entries(users).map(([rep, u]) => [rep, u.id]));
  const h = await makeHarness((options.config ?? voiceConfig)(ids));
  clock = h.clock;
  const client = new ConnectClient(emulator.clientConfig());
  // Callbacks are dialed into the callback flow, which parks the answered call in the holding queue.
  const telephony = new ConnectTelephony(client, i.arn, {
    sleep: async () => {},
    outbound: { contactFlowId: 'callback-outbound-flow', queueId: holding.id, ratePerSecond: 1000 },
  });
  const router = new Router({ ...h.deps, telephony });
  const handlers = voiceHandlers(() => router);
  handOff = handlers.handOff;
  agentEvents = handlers.agentEvent;
  contactEvents = handlers.contactEvent;

  /** A rep ready for calls: signed in to the softphone, then logged in to the router (which sets Connect's status). */
  const ready = async (repId: string, statusId?: string) => {
    people.signIn(i, users[repId]!.id);
    await emulator.settle();
    await router.logIn({ repId, statusId });
    await emulator.settle();
  };

  return {
    ...h,
    router,
    emulator,
    instance: i,
    holding,
    /** The group's UR- routing profile (it holds the holding queue), and the instance's basic one. */
    profiles: { ur, basic },
    client,
    users,
    ready,
    /** A customer calls the voice queue; resolves with the contact id once the flow has handed the call off. */
    call: (patienceSeconds?: number) => emulator.call(holding.id, { queue: 'voice-q' }, { patienceSeconds }),
    /** The router's item for a contact. */
    itemOf: async (contactId: string) => (await h.item((await h.store.itemIdForSource('voice', contactId))!))!,
    /** Advances the shared clock, firing router timers and emulator events in time order. */
    async advance(ms: number) {
      const until = h.clock.now() + ms;
      for (;;) {
        await emulator.settle();
        const next = Math.min(h.timers.nextDueAt() ?? Infinity, emulator.nextDueAt() ?? Infinity);
        if (next > until) break;
        h.clock.set(Math.max(h.clock.now(), next));
        for (const t of h.timers.takeDue(h.clock.now())) await router.fireTimer(t);
      }
      h.clock.set(until);
      await emulator.settle();
    },
    async stop() {
      client.destroy();
      await emulator.stop();
    },
  };
}

export type VoiceCenter = Awaited<ReturnType<typeof voiceCenter>>;
