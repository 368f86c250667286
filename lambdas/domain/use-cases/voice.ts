import { connectStatusFor } from '../routing/connect-agent-state';
import type { RouterDeps } from './deps';

export type Targeting = 'targeted' | 'contactGone' | 'noTelephony' | 'noConnectUser';

/**
 * Tells Amazon Connect to connect exactly this rep to a call (semantics §8): the one place a rep becomes their
 * Connect user. `expirySeconds` 0 is a step that never expires (a callback its rep already accepted).
 */
export async function connectRep(
  deps: RouterDeps,
  request: {
    readonly contactId: string;
    readonly repId: string;
    readonly expirySeconds: number;
    readonly priority?: number;
  },
): Promise<Targeting> {
  if (!deps.telephony) return 'noTelephony';
  const connectUserId = (await deps.config.get()).rep(request.repId).connectUserId;
  if (!connectUserId) return 'noConnectUser';
  return deps.telephony.connectRep({
    contactId: request.contactId,
    connectUserId,
    expirySeconds: request.expirySeconds,
    priority: request.priority,
  });
}

/**
 * The rep's Connect agent status follows their router presence (semantics §8), read when this runs, so a late or
 * repeated follow-up sets the current one. A failure is reported and left: agent events keep the router from
 * offering a call Connect cannot deliver, whatever the status says.
 */
export async function setAgentStatus(deps: RouterDeps, repId: string): Promise<void> {
  const telephony = deps.telephony;
  if (!telephony?.setAgentStatus) return;
  const config = await deps.config.get();
  const connectUserId = config.rep(repId).connectUserId;
  if (!connectUserId) return;
  const statusName = connectStatusFor(config, await deps.store.getRep(repId));
  try {
    await telephony.setAgentStatus({ connectUserId, statusName });
  } catch (err) {
    telephony.reportFailure?.(err, connectUserId);
  }
}
