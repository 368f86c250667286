import type { CompiledConfig } from '../config/compiled-config';
import { InvalidInputError } from '../errors';
import type { RoutingEvent } from '../routing/events';
import type { RepState } from '../routing/rep';
import { type Attempt, RETRY, repWrite, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { rescindOffer } from './offer-responses';
import { repState } from './reads';

export type PresenceDecision =
  | { readonly kind: 'loggedIn'; readonly repId: string; readonly sessionId: string; readonly statusId: string }
  | { readonly kind: 'alreadyLoggedIn'; readonly repId: string; readonly sessionId: string }
  | { readonly kind: 'statusChanged'; readonly repId: string; readonly statusId: string }
  | { readonly kind: 'loggedOut'; readonly repId: string; readonly rescinded: readonly string[] }
  | { readonly kind: 'alreadyLoggedOut'; readonly repId: string };

function statusFor(config: CompiledConfig, statusId: string | undefined) {
  return statusId === undefined ? config.raw.statuses[0]! : config.status(statusId);
}

/** Starts a new login session (semantics §7: declines of earlier sessions no longer exclude the rep). */
export async function logIn(
  deps: RouterDeps,
  input: { repId: string; statusId?: string },
): Promise<Outcome<PresenceDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('logIn', async (): Promise<Attempt<PresenceDecision>> => {
    const config = await deps.config.get();
    const status = statusFor(config, input.statusId);
    const rep = await repState(deps, config, input.repId);
    if (rep.sessionId !== undefined) return { kind: 'alreadyLoggedIn', repId: rep.repId, sessionId: rep.sessionId };
    const now = deps.clock.now();
    const sessionId = deps.ids.next('session');
    const next: RepState = {
      ...rep,
      sessionId,
      loggedInAt: now,
      presenceAt: now,
      statusId: status.id,
      statusChannels: [...status.channels],
      presenceVersion: rep.presenceVersion + 1,
    };
    if (!(await commitPresence(fx, config, rep, next, 'login', now))) return RETRY;
    return { kind: 'loggedIn', repId: rep.repId, sessionId, statusId: status.id };
  });
  if (decision.kind === 'loggedIn') await findWorkForRep(deps, input.repId, fx);
  return fx.outcome(decision);
}

/** Changes presence status within the session; a status with more channels may bring new offers. */
export async function changeStatus(
  deps: RouterDeps,
  input: { repId: string; statusId: string; by?: string; reason?: string },
): Promise<Outcome<PresenceDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('changeStatus', async (): Promise<Attempt<PresenceDecision>> => {
    const config = await deps.config.get();
    const status = config.status(input.statusId);
    const rep = await repState(deps, config, input.repId);
    if (rep.sessionId === undefined)
      throw new InvalidInputError('repId', `rep '${rep.repId}' is logged out; log in first`);
    if (rep.statusId === status.id) return { kind: 'statusChanged', repId: rep.repId, statusId: status.id };
    const now = deps.clock.now();
    const next: RepState = {
      ...rep,
      presenceAt: now,
      statusId: status.id,
      statusChannels: [...status.channels],
      presenceVersion: rep.presenceVersion + 1,
    };
    if (!(await commitPresence(fx, config, rep, next, input.reason ?? 'statusChange', now, input.by))) return RETRY;
    return { kind: 'statusChanged', repId: rep.repId, statusId: status.id };
  });
  await findWorkForRep(deps, input.repId, fx);
  return fx.outcome(decision);
}

/**
 * Ends the session. The rep is marked logged out first so no new offer can land, then pending offers are
 * rescinded (back to the queue, not a decline) and routed to others. Assigned work stays until completed.
 */
export async function logOut(
  deps: RouterDeps,
  input: { repId: string; by?: string; reason?: string },
): Promise<Outcome<PresenceDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('logOut', async (): Promise<Attempt<PresenceDecision>> => {
    const config = await deps.config.get();
    const rep = await repState(deps, config, input.repId);
    if (rep.sessionId === undefined) return { kind: 'alreadyLoggedOut', repId: rep.repId };
    const now = deps.clock.now();
    const next: RepState = {
      ...rep,
      sessionId: undefined,
      loggedInAt: undefined,
      presenceAt: now,
      statusId: undefined,
      statusChannels: [],
      presenceVersion: rep.presenceVersion + 1,
    };
    if (!(await commitPresence(fx, config, rep, next, input.reason ?? 'logout', now, input.by))) return RETRY;
    return { kind: 'loggedOut', repId: rep.repId, rescinded: [] };
  });
  // Also when already logged out: a repeated logout finishes rescinding what a crash left offered.
  const rescinded: string[] = [];
  for (const item of await deps.store.heldItems(input.repId)) {
    if (item.state !== 'Offered') continue;
    const r = await rescindOffer(deps, { itemId: item.id, repId: input.repId, reason: 'repLoggedOut' });
    fx.absorb(r);
    if (r.decision.kind === 'rescinded') rescinded.push(item.id);
  }
  return fx.outcome({ ...decision, rescinded });
}

/** Commits a presence change with its event: who, logged in or not, the status and session it leaves them in. */
function commitPresence(
  fx: Effects,
  config: CompiledConfig,
  rep: RepState,
  next: RepState,
  reason: string,
  now: number,
  by?: string,
) {
  const changed: RoutingEvent = {
    type: 'rep.presenceChanged',
    at: now,
    repId: rep.repId,
    loggedIn: next.sessionId !== undefined,
    ...(next.statusId !== undefined ? { statusId: next.statusId } : {}),
    sessionId: next.sessionId ?? rep.sessionId,
    reason,
    ...(by !== undefined ? { by } : {}),
  };
  return fx.commit([repWrite(config, next, rep)], { events: [changed], timers: [] });
}
