import { z } from 'zod';
import type { CompiledConfig } from '../config/compiled-config';
import { type QueueConfig, workSizeSchema } from '../config/schema';
import { invalidInput } from '../config/validate-config';
import { InvalidInputError } from '../errors';
import { queuedTimers } from '../routing/lifecycle';
import type { RoutingTarget, WorkItem } from '../routing/work-item';
import { commitOrConflict, Effects, itemWrite, type Outcome, type RouterDeps, repWrite, tryCommit } from './context';
import { offerOnArrival, type RouteDecision, routeItem } from './route-item';

const requirement = z
  .object({
    skill: z.string().min(1).max(64),
    minLevel: z.number().int().min(1).max(10),
    additional: z.boolean().optional(),
    dropAfterSeconds: z.number().int().min(0).max(604800).optional(),
  })
  .strict();

/** What a channel integration submits (semantics §3); exactly one of queue alone, `skills` or `preferredRep`. */
export const submitWorkSchema = z
  .object({
    channel: z.string().min(1).max(64),
    source: z.string().min(1).max(256),
    queue: z.string().min(1).max(64),
    skills: z.array(requirement).min(1).max(20).optional(),
    skillsFallbackAfterSeconds: z.number().int().min(0).max(604800).optional(),
    preferredRep: z
      .object({
        repId: z.string().min(1).max(64),
        required: z.boolean().default(false),
        fallbackAfterSeconds: z.number().int().min(0).max(604800).optional(),
        fallbackSkills: z.array(requirement).min(1).max(20).optional(),
      })
      .strict()
      .optional(),
    priority: z.number().int().min(1).max(1000).optional(),
    secondaryPriority: z.number().int().min(0).max(999998).optional(),
    size: workSizeSchema.optional(),
    interruptible: z.boolean().optional(),
    /** Epoch ms of the original request (e.g. when the caller entered the flow); defaults to now. */
    requestedAt: z.number().int().positive().optional(),
    attributes: z.record(z.string().max(128), z.string().max(1024)).default({}),
  })
  .strict();

export type SubmitWorkInput = z.input<typeof submitWorkSchema>;

export type SubmitDecision = {
  readonly kind: 'submitted';
  readonly itemId: string;
  readonly duplicate: boolean;
  readonly routing?: RouteDecision;
};

function parse(input: unknown) {
  const parsed = submitWorkSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (parsed.data.skills && parsed.data.preferredRep) {
    throw new InvalidInputError('skills', 'give either skills or preferredRep, not both');
  }
  return parsed.data;
}

/** Work bigger than every rep's pool could never be offered: refused at the door, not left waiting forever. */
function assertSizeFits(config: CompiledConfig, item: WorkItem): void {
  if (!item.size || !('units' in item.size)) return;
  const units = item.size.units;
  const pool = item.interruptible ? 'interruptible' : 'primary';
  const largest = config.largestCapacity[pool];
  if (units > largest)
    throw new InvalidInputError('size', `${units} units is more than any rep's ${pool} capacity (${largest})`);
}

function assertSkillsRouting(queue: QueueConfig, field: string): void {
  if (queue.skillsRouting === false)
    throw new InvalidInputError(field, `queue '${queue.id}' does not take skills-based work (skillsRouting is false)`);
}

function targetOf(data: ReturnType<typeof parse>, config: CompiledConfig, queue: QueueConfig): RoutingTarget {
  if (data.skills) {
    assertSkillsRouting(queue, 'skills');
    config.assertSkills(data.skills, 'skills');
    return { kind: 'skills', requirements: data.skills, fallbackAfterSeconds: data.skillsFallbackAfterSeconds };
  }
  if (data.preferredRep) {
    const p = data.preferredRep;
    config.rep(p.repId, 'preferredRep.repId');
    if (p.fallbackSkills) {
      config.assertSkills(p.fallbackSkills, 'preferredRep.fallbackSkills');
      assertSkillsRouting(queue, 'preferredRep.fallbackSkills');
    }
    return {
      kind: 'rep',
      repId: p.repId,
      required: p.required,
      fallbackAfterSeconds: p.fallbackAfterSeconds,
      fallbackSkills: p.fallbackSkills,
    };
  }
  return { kind: 'queue' };
}

/** Submits work (semantics §3), idempotent per channel + source id, then routes it at once (push). */
export async function submitWork(deps: RouterDeps, input: unknown): Promise<Outcome<SubmitDecision>> {
  const fx = new Effects(deps);
  const data = parse(input);
  const config = await deps.config.get();
  const channel = config.channel(data.channel);
  const queue = config.queue(data.queue, 'queue');
  if (queue.channel !== channel.name)
    throw new InvalidInputError('queue', `queue '${queue.id}' takes ${queue.channel} work, not ${channel.name}`);
  const target = targetOf(data, config, queue);
  const now = deps.clock.now();
  const item: WorkItem = {
    id: deps.ids.next('work'),
    channel: channel.name,
    source: data.source,
    queueId: queue.id,
    target,
    priority: data.priority,
    secondaryPriority: data.secondaryPriority,
    size: data.size,
    interruptible:
      channel.name !== 'voice' && config.usesInterruptiblePool && (data.interruptible ?? channel.interruptible),
    requestedAt: data.requestedAt ?? now,
    targetSince: now,
    attributes: data.attributes,
    state: 'Queued',
    version: 1,
    exclusions: [],
    relaxedSkills: [],
    offers: 0,
  };
  assertSizeFits(config, item);
  const queued = {
    events: [
      {
        type: 'work.queued',
        at: now,
        itemId: item.id,
        channel: item.channel,
        queueId: item.queueId,
        source: item.source,
        reason: 'submitted',
      },
    ] as const,
    timers: queuedTimers(item, config),
  };
  // Fast path: the create and the first offer in one transaction (one write of the item instead of two).
  const first = await offerOnArrival(deps, config, item, now);
  if (first) {
    const result = await commitOrConflict(deps, [
      itemWrite(first.item, undefined),
      repWrite(config, first.rep, first.before),
    ]);
    if (result.committed) {
      await fx.emit({ ...queued, item: first.item });
      await fx.emit(first);
      return fx.outcome({ kind: 'submitted', itemId: item.id, duplicate: false, routing: first.decision });
    }
    if (result.itemConflict) return duplicate(deps, fx, channel.name, data.source);
    // The rep moved on since it was read (perhaps from the cache): refresh it, so the routing below does not
    // try the same stale state again.
    if (deps.candidates) {
      const latest = await deps.store.getRep(first.before.repId);
      if (latest) deps.candidates.update(latest);
    }
  }
  // The create also claims the source id: a duplicate submission (Connect retries) loses here.
  if (!(await tryCommit(deps, [itemWrite(item, undefined)]))) return duplicate(deps, fx, channel.name, data.source);
  await fx.emit({ ...queued, item });
  const routing = await routeItem(deps, item.id, fx, item);
  return fx.outcome({ kind: 'submitted', itemId: item.id, duplicate: false, routing: routing.decision });
}

/**
 * A repeated submission is answered with the first item. It is also routed again: if the first attempt stopped
 * between the create and the offer (a crash, a timeout), the retry finishes the job; otherwise it is a no-op.
 */
async function duplicate(
  deps: RouterDeps,
  fx: Effects,
  channel: string,
  source: string,
): Promise<Outcome<SubmitDecision>> {
  const winner = await deps.store.itemIdForSource(channel, source);
  if (!winner) throw new InvalidInputError('source', 'the item could not be created; retry');
  const routing = await routeItem(deps, winner, fx);
  return fx.outcome({ kind: 'submitted', itemId: winner, duplicate: true, routing: routing.decision });
}
