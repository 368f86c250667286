import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { z } from 'zod';
import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { parseInput } from '../shared/parse-input';
import { logger, metrics, tracer } from '../shared/powertools';

/** Skills as Connect block parameters carry them: `english:5,billing:6~120` (`~N`: additional, dropped after N s). */
const skillList = z
  .string()
  .regex(
    /^[A-Za-z0-9_.:@-]+:\d{1,2}(~\d+)?(,[A-Za-z0-9_.:@-]+:\d{1,2}(~\d+)?)*$/,
    'must look like english:5,billing:6~120',
  )
  .transform((s) =>
    s.split(',').map((part) => {
      const [skill, rest] = part.split(':') as [string, string];
      const [level, drop] = rest.split('~');
      return drop === undefined
        ? { skill, minLevel: Number(level) }
        : { skill, minLevel: Number(level), additional: true, dropAfterSeconds: Number(drop) };
    }),
  );

const routingParameters = z
  .object({
    queue: z.string().min(1).max(64),
    skills: skillList.optional(),
    preferredRep: z.string().min(1).max(64).optional(),
    priority: z
      .string()
      .regex(/^\d{1,4}$/, 'must be a whole number')
      .transform(Number)
      .optional(),
  })
  .loose();

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

/** The Connect flow's Lambda event (reference §4.1); only what the hand-off uses is required. */
export const contactFlowEventSchema = z.preprocess(
  withAttributeDefaults,
  z
    .object({
      Name: z.literal('ContactFlowEvent'),
      Details: z
        .object({
          ContactData: z
            .object({
              ContactId: z.string().min(1).max(256),
              Channel: z.literal('VOICE'),
              Attributes: z.record(z.string(), z.string()).default({}),
            })
            .loose(),
          Parameters: routingParameters,
        })
        .loose(),
    })
    .loose(),
);

/**
 * The inbound flow's hand-off (semantics §8): the parked call becomes a voice work item and is routed at once.
 * Idempotent per ContactId (Connect retries): a retry answers with the same item. Answers a flat string map.
 */
export const makeHandler = (router: () => Router) =>
  middy(async (event: z.infer<typeof contactFlowEventSchema>) => {
    const { ContactData: contact, Parameters: p } = event.Details;
    const outcome = await router().submitWork({
      channel: 'voice',
      source: contact.ContactId,
      queue: p.queue,
      priority: p.priority,
      ...(p.skills ? { skills: p.skills } : {}),
      ...(p.preferredRep ? { preferredRep: { repId: p.preferredRep } } : {}),
      attributes: contact.Attributes,
    });
    const d = outcome.decision;
    metrics.addMetric(d.duplicate ? 'HandOffRetried' : 'HandOff', 'Count', 1);
    return { itemId: d.itemId, status: d.duplicate ? 'duplicate' : (d.routing?.kind ?? 'queued') };
  })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use(parseInput(contactFlowEventSchema));

export const handler = makeHandler(routerFromEnvironment);
