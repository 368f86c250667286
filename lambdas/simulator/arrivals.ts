import type { CompiledConfig } from '../domain/config/compiled-config';
import type { Router } from '../domain/use-cases/router';
import type { Arrival } from './scenario';
import type { EmulatedVoice } from './voice/emulated-voice';

/**
 * Submits one simulated arrival as its entry point would: a callback request for a callback queue (due after the
 * customer's chosen delay), otherwise work for the queue's channel. Returns the new item's id.
 */
export async function submitArrival(
  router: Router,
  config: CompiledConfig,
  a: Arrival,
  source: string,
  callbackAt: number,
  voice?: EmulatedVoice,
): Promise<{ itemId: string; offered: boolean }> {
  if (a.callback) {
    // Through the Connect emulator, each customer's number says how their dials go.
    const phoneNumber = voice?.callbackNumber(a.callback) ?? '+15550100000';
    const r = await router.requestCallback({ source, queue: a.queue, phoneNumber, at: callbackAt });
    return { itemId: r.decision.itemId, offered: false };
  }
  const preferred = a.preferredRep ? { preferredRep: a.preferredRep } : {};
  const r = await router.submitWork({
    channel: config.queue(a.queue).channel,
    source,
    queue: a.queue,
    skills: a.skills,
    priority: a.priority,
    size: a.size,
    ...preferred,
  });
  return { itemId: r.decision.itemId, offered: r.decision.routing?.kind === 'offered' };
}
