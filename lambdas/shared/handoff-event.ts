import * as z from '../domain/zod';
import { connectFlowEvent } from './connect-flow-event';

/** Skills as Connect block parameters carry them: `english:5,billing:6~120` (`~N`: additional, dropped after N s). */
const skillList = z.pipe(
  z
    .string()
    .check(
      z.regex(
        /^[A-Za-z0-9_.:@-]+:\d{1,2}(~\d+)?(,[A-Za-z0-9_.:@-]+:\d{1,2}(~\d+)?)*$/,
        'must look like english:5,billing:6~120',
      ),
    ),
  z.transform((s) =>
    s.split(',').map((part) => {
      const [skill, rest] = part.split(':') as [string, string];
      const [level, drop] = rest.split('~');
      return drop === undefined
        ? { skill, minLevel: Number(level) }
        : { skill, minLevel: Number(level), additional: true, dropAfterSeconds: Number(drop) };
    }),
  ),
);

const routingParameters = z.looseObject({
  queue: z.string().check(z.minLength(1), z.maxLength(64)),
  skills: z.optional(skillList),
  preferredRep: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  priority: z.optional(z.pipe(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number')), z.transform(Number))),
});

/**
 * Routing inputs come from the block's parameters, or else from contact attributes set earlier in the flow
 * (`routerQueue`, `routerSkills`, `routerPreferredRep`, `routerPriority`); parameters win.
 */
function withAttributeDefaults(event: unknown): unknown {
  const e = event as {
    Details?: { ContactData?: { Attributes?: Record<string, unknown> }; Parameters?: Record<string, unknown> };
  };
  const a = e?.Details?.ContactData?.Attributes ?? {};
  const fromAttributes = Object.fromEntries(
    Object.entries({
      queue: a.routerQueue,
      skills: a.routerSkills,
      preferredRep: a.routerPreferredRep,
      priority: a.routerPriority,
    }).filter(([, v]) => v !== undefined),
  );
  if (!e?.Details) return event;
  return { ...e, Details: { ...e.Details, Parameters: { ...fromAttributes, ...e.Details.Parameters } } };
}

/** The hand-off's flow event: the shared Connect event shape, with routing inputs from parameters or attributes. */
export const handOffEventSchema = z.pipe(z.transform(withAttributeDefaults), connectFlowEvent(routingParameters));
