import type { ManualClock } from '../adapters/local/in-process';
import type { CompiledConfig } from '../domain/config/compiled-config';
import type { RoutingEvent } from '../domain/routing/events';
import type { EventQueue } from './event-queue';
import type { PresenceStep } from './planning/presence-plan';
import { sample } from './random';
import type { Arrival, Scenario } from './scenario';
import type { EmulatedVoice } from './voice/emulated-voice';

/** What happens next in a simulation: the simulated people's and customers' acts, in virtual time. */
export type SimEvent =
  | { kind: 'arrival'; stream: number }
  | { kind: 'answer'; itemId: string; offerId: string; decline: boolean; reason?: string }
  | { kind: 'finish'; itemId: string }
  | { kind: 'hangUp'; itemId: string; repId: string }
  | { kind: 'abandon'; itemId: string }
  | { kind: 'dialOutcome'; itemId: string; outcome: 'answered' | 'noAnswer' | 'busy' }
  | { kind: 'presence'; step: PresenceStep };

export interface Reactions {
  readonly clock: ManualClock;
  readonly queue: EventQueue<SimEvent>;
  readonly random: () => number;
  readonly behavior: Scenario['repBehavior'];
  readonly config: CompiledConfig;
  readonly voice?: EmulatedVoice;
  /** Reps a person plays (the live center): they act in their own pages. */
  readonly human: (repId: string) => boolean;
  readonly streamOf: ReadonlyMap<string, Arrival>;
  /** The work is finished after its handle time (a call: the agent hangs up). */
  readonly finishLater: (itemId: string, repId?: string) => void;
}

/**
 * How the simulated reps and customers answer what the router did: every offer gets an answer (accept, or a
 * decline with one of the configured reasons), assigned work is finished after its handle time, and a dialed
 * callback's customer answers, is busy or does not, as the arrival says.
 */
export function reactAsReps(r: Reactions, e: RoutingEvent): void {
  const { clock, queue, random, behavior, config, voice, human, streamOf } = r;
  if (e.type === 'offer.created') {
    // A call's offer is answered in Connect: the simulated agent's softphone auto-accepts it.
    if (human(e.repId) || voice?.ledger.isCall(e.itemId)) return;
    // Every offer gets an answer; for one the router auto-accepted, the answer finds it assigned and changes nothing.
    const answerAt = clock.now() + (behavior ? sample(behavior.answerSeconds, random) * 1000 : 0);
    const decline = e.declinable && behavior !== undefined && random() < behavior.declineProbability;
    // A rep who declines gives one of the reasons their presence configuration offers, as a desktop would.
    const reasons = config.rep(e.repId).presence.declineReasons;
    const reason = reasons.length ? reasons[Math.floor(random() * reasons.length)] : undefined;
    queue.push(answerAt, { kind: 'answer', itemId: e.itemId, offerId: e.offerId, decline, reason });
  }
  // A callback's work starts when the customer answers the dial, not when the rep accepts.
  if (e.type === 'work.assigned' && !human(e.repId) && !streamOf.get(e.itemId)?.callback)
    r.finishLater(e.itemId, e.repId);
  if (e.type === 'callback.connected' && voice && !human(e.repId)) r.finishLater(e.itemId, e.repId);
  // Through the emulator, the customer answers the dial there.
  if (e.type === 'callback.dialed' && !voice) {
    const c = streamOf.get(e.itemId)?.callback;
    if (!c) return;
    const roll = random();
    const outcome =
      roll < c.answerProbability ? 'answered' : roll < c.answerProbability + c.busyProbability ? 'busy' : 'noAnswer';
    queue.push(clock.now() + sample(c.ringSeconds, random) * 1000, { kind: 'dialOutcome', itemId: e.itemId, outcome });
  }
}
