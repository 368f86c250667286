import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { ConnectEmulator } from '../../lambdas/adapters/local/connect-emulator/emulator';
import * as people from '../../lambdas/adapters/local/connect-emulator/people';
import type { Router } from '../../lambdas/domain/use-cases/router';
import { voiceHandlers } from '../../lambdas/simulator/voice/voice-handlers';

/**
 * The drills' voice: calls through the local Amazon Connect, to the deployed hand-off, contact-event and agent-event
 * handlers, targeted by the dispatcher's UpdateContactRoutingData (every one counted), answered by auto-accept and
 * hung up by the agent after a minute, after-contact work ended by its limit.
 */
export async function drillVoice(now: () => number, reps: readonly string[]) {
  let router: Router | undefined;
  const handlers = voiceHandlers(() => router);
  const emulator = await new ConnectEmulator(
    { now, ringSeconds: 20 },
    {
      handOff: (e) => handlers.handOff(e),
      contactEvent: (e) => handlers.contactEvent(e),
      agentEvent: handlers.agentEvent,
    },
  ).start();
  const i = emulator.instance;
  const holding = i.addQueue('UR-Holding');
  const profile = i.addRoutingProfile('UR-g1', [holding.id]);
  const users = new Map(
    reps.map((rep) => {
      const user = i.addUser(rep, {
        routingProfileId: profile.id,
        phoneConfig: { AutoAccept: true, AfterContactWorkTimeLimit: 10 },
      });
      people.signIn(i, user.id);
      return [rep, user.id] as const;
    }),
  );
  let targeted = 0;
  const target = emulator.api.updateContactRoutingData.bind(emulator.api);
  emulator.api.updateContactRoutingData = (...args) => {
    targeted++;
    return target(...args);
  };
  const client = new ConnectClient(emulator.clientConfig());
  return {
    users,
    telephony: new ConnectTelephony(client, i.arn, { sleep: async () => {} }),
    wire: (r: Router) => {
      router = r;
    },
    settle: () => emulator.settle(),
    pending: () => i.pendingEvents,
    call: () => emulator.call(holding.id, { queue: 'voice-q' }),
    /** Agents hang up the calls they have been on for a minute. */
    hangUpAfter: (ms: number) => {
      for (const userId of users.values()) {
        const c = i.user(userId).contact;
        if (c?.state === 'CONNECTED' && now() - c.stateSince >= ms) people.hangUpAgent(i, userId);
      }
    },
    targeted: () => targeted,
    async stop() {
      client.destroy();
      await emulator.stop();
    },
  };
}
