import type { CompiledConfig } from '../config/compiled-config';
import type { QueueConfig } from '../config/schema';
import { workSizeSchema } from '../config/work-size';
import { InvalidInputError } from '../errors';
import { invalidInput } from '../input-problems';
import type { RoutingTarget, WorkItem } from '../routing/work-item';
import * as z from '../zod';

const requirement = z.strictObject({
  skill: z.string().check(z.minLength(1), z.maxLength(64)),
  minLevel: z.number().check(z.int(), z.gte(1), z.lte(10)),
  additional: z.optional(z.boolean()),
  dropAfterSeconds: z.optional(z.number().check(z.int(), z.gte(0), z.lte(604800))),
});

/** What a channel integration submits (semantics §3); exactly one of queue alone, `skills` or `preferredRep`. */
export const submitWorkSchema = z.strictObject({
  channel: z.string().check(z.minLength(1), z.maxLength(64)),
  source: z.string().check(z.minLength(1), z.maxLength(256)),
  queue: z.string().check(z.minLength(1), z.maxLength(64)),
  skills: z.optional(z.array(requirement).check(z.minLength(1), z.maxLength(20))),
  skillsFallbackAfterSeconds: z.optional(z.number().check(z.int(), z.gte(0), z.lte(604800))),
  preferredRep: z.optional(
    z.strictObject({
      repId: z.string().check(z.minLength(1), z.maxLength(64)),
      required: z._default(z.boolean(), false),
      fallbackAfterSeconds: z.optional(z.number().check(z.int(), z.gte(0), z.lte(604800))),
      fallbackSkills: z.optional(z.array(requirement).check(z.minLength(1), z.maxLength(20))),
    }),
  ),
  priority: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
  secondaryPriority: z.optional(z.number().check(z.int(), z.gte(0), z.lte(999998))),
  size: z.optional(workSizeSchema),
  interruptible: z.optional(z.boolean()),
  /** Epoch ms of the original request (e.g. when the caller entered the flow); defaults to now. */
  requestedAt: z.optional(z.number().check(z.int(), z.positive())),
  attributes: z._default(z.record(z.string().check(z.maxLength(128)), z.string().check(z.maxLength(1024))), {}),
});

export type SubmitWorkInput = z.input<typeof submitWorkSchema>;

/**
 * A work item's attributes travel with every push about it: at most this many, and this much in all (keys and
 * values, UTF-8), so any item a rep holds fits one frame of the push channel (desktop-messages.ts).
 */
export const MAX_ATTRIBUTES = 32;
export const MAX_ATTRIBUTES_BYTES = 4096;

export function parseSubmission(input: unknown) {
  const parsed = submitWorkSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const attributes = Object.entries(parsed.data.attributes);
  if (attributes.length > MAX_ATTRIBUTES)
    throw new InvalidInputError('attributes', `${attributes.length} attributes: at most ${MAX_ATTRIBUTES}`);
  const bytes = new TextEncoder().encode(attributes.flat().join('')).length;
  if (bytes > MAX_ATTRIBUTES_BYTES)
    throw new InvalidInputError('attributes', `${bytes} bytes of keys and values: at most ${MAX_ATTRIBUTES_BYTES}`);
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
