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
