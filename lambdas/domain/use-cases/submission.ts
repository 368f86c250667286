import * as z from 'zod';
import type { CompiledConfig } from '../config/compiled-config';
import type { QueueConfig } from '../config/schema';
import { workSizeSchema } from '../config/work-size';
import { InvalidInputError } from '../errors';
import { invalidInput } from '../input-problems';
import type { RoutingTarget, WorkItem } from '../routing/work-item';

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

export function parseSubmission(input: unknown) {
  const parsed = submitWorkSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (parsed.data.skills && parsed.data.preferredRep) {
    throw new InvalidInputError('skills', 'give either skills or preferredRep, not both');
  }
  return parsed.data;
}

/** Work bigger than every rep's pool could never be offered: refused at the door, not left waiting forever. */
export function assertSizeFits(config: CompiledConfig, item: WorkItem): void {
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

export function targetOf(
  data: ReturnType<typeof parseSubmission>,
  config: CompiledConfig,
  queue: QueueConfig,
): RoutingTarget {
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
