import { RouterError } from '../errors';
import type { FollowUp } from '../routing/follow-ups';
import { liveCallOf } from '../routing/work-item';
import { dialCallback } from './callback-dial';
import { cancelWork } from './complete-work';
import type { RouterDeps } from './deps';
import type { Outcome } from './effects';
import { connectRep, setAgentStatus } from './voice';

const nothing: Outcome<undefined> = { decision: undefined, events: [], followUps: [] };

/**
 * Runs what a use case left to do outside the store (semantics §8, §9), and what that leads to in turn (a call
 * that is gone cancels its item; the release may offer other work), in order. The outcome keeps the use case's
 * decision and gains every event the follow-ups caused.
 */
export async function runFollowUps<D>(deps: RouterDeps, outcome: Outcome<D>): Promise<Outcome<D>> {
  if (outcome.followUps.length === 0) return outcome;
  const events = [...outcome.events];
  const pending = [...outcome.followUps];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const ran = await runFollowUp(deps, next);
    events.push(...ran.events);
    pending.push(...ran.followUps);
  }
  return { decision: outcome.decision, events, followUps: [] };
}

function runFollowUp(deps: RouterDeps, followUp: FollowUp): Promise<Outcome<unknown>> {
  switch (followUp.kind) {
    case 'connectRep':
      return targetCall(deps, followUp);
    case 'dialCallback':
      return dialCallback(deps, followUp.itemId);
    case 'setAgentStatus':
      return setAgentStatus(deps, followUp.repId).then(() => nothing);
  }
}

/**
 * A committed voice offer: Connect is told to target the rep, if the offer is still current (a fast decline or
 * hang-up may have moved it on). A contact that no longer exists cancels the item, releasing the rep.
 */
async function targetCall(
  deps: RouterDeps,
  offer: Extract<FollowUp, { kind: 'connectRep' }>,
): Promise<Outcome<unknown>> {
  if (!deps.telephony) return nothing;
  const item = await deps.store.getItem(offer.itemId);
  if (item?.state !== 'Offered' || item.reservation?.offerId !== offer.offerId) return nothing;
  const contactId = liveCallOf(item) ?? item.source;
  const queue = (await deps.config.get()).queue(item.queueId);
  const expirySeconds = queue.pushTimeoutSeconds;
  const priority = item.priority ?? queue.priority;
  let result: Awaited<ReturnType<typeof connectRep>>;
  try {
    result = await connectRep(deps, { contactId, repId: offer.repId, expirySeconds, priority });
    if (result === 'noConnectUser') {
      throw new RouterError(`rep ${offer.repId} takes voice work but has no connectUserId in the configuration`);
    }
  } catch (err) {
    // The offer is committed: failing now would fail the caller's hand-off while a rep is reserved. The
    // QUEUED contact event re-targets, and the push timeout (or the sweeper) re-routes if that never comes.
    deps.telephony.reportFailure?.(err, contactId);
    return nothing;
  }
  return result === 'contactGone' ? cancelWork(deps, { itemId: item.id, reason: 'contactGone' }) : nothing;
}
