import type { CompiledConfig, RepProfile } from '../config/compiled-config';
import type { WaitPartition } from '../ports';
import { assess } from '../routing/eligibility';
import type { RepState } from '../routing/rep';
import { offer } from '../routing/transitions';
import { Effects, itemWrite, MAX_ATTEMPTS, repState, repWrite, tryCommit, type Outcome, type RouterDeps } from './context';
import { mergeWaiting } from './waiting-merge';

/** Bounds one pull: how many waiting items it may look at before leaving the rest to later triggers. */
const MAX_EXAMINED = 200;

export type FindWorkDecision = {
  readonly kind: 'pulled';
  readonly repId: string;
  readonly offers: ReadonlyArray<{ readonly itemId: string; readonly offerId: string }>;
};

/** The waiting lists a rep can take from: queues served, skills work on channels the status allows, direct work. */
export function partitionsFor(profile: RepProfile, rep: RepState, config: CompiledConfig): WaitPartition[] {
  const open = config.queuesForChannels(rep.statusChannels);
  return [
    ...open.filter((q) => profile.queues.includes(q.id)).map((q): WaitPartition => ({ kind: 'queue', queueId: q.id })),
    ...open.map((q): WaitPartition => ({ kind: 'skills', queueId: q.id })),
    { kind: 'rep', repId: rep.repId },
  ];
}

/**
 * Pull routing (spec §5): a rep who freed capacity is offered the first eligible items across every queue
 * they serve, until nothing more fits.
 */
export async function findWorkForRep(deps: RouterDeps, repId: string, fx = new Effects(deps)): Promise<Outcome<FindWorkDecision>> {
  const offers: { itemId: string; offerId: string }[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const config = await deps.config.get();
    const profile = config.rep(repId);
    const rep = await repState(deps, config, repId);
    if (rep.sessionId === undefined || rep.statusChannels.length === 0) break;
    const result = await offerFirstFit(deps, config, profile, rep as RepState & { sessionId: string }, fx);
    if (result === 'nothing') break;
    if (result !== 'conflict') { offers.push(result); attempt = -1; }
  }
  return fx.outcome({ kind: 'pulled', repId, offers });
}

async function offerFirstFit(
  deps: RouterDeps, config: CompiledConfig, profile: RepProfile, rep: RepState & { sessionId: string }, fx: Effects,
): Promise<{ itemId: string; offerId: string } | 'nothing' | 'conflict'> {
  const now = deps.clock.now();
  let examined = 0;
  for await (const item of mergeWaiting(deps.store, partitionsFor(profile, rep, config), config, now)) {
    if (++examined > MAX_EXAMINED) break;
    const a = assess(item, profile, rep, config, now);
    if (!a.eligible) continue;
    const offerId = deps.ids.next('offer');
    const explanation = { considered: 1, eligible: 1, routingModel: config.queue(item.queueId).routingModel, ineligibleByReason: {}, ineligible: [] };
    const t = offer({ item, rep, profile, pool: a.pool, units: a.units, offerId, explanation }, config, now);
    if (!(await tryCommit(deps, [itemWrite(t.item, item), repWrite(t.rep!, rep)]))) return 'conflict';
    await fx.emit(t);
    return { itemId: item.id, offerId };
  }
  return 'nothing';
}
