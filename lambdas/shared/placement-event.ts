import * as z from '../domain/zod';

/** One placement per stack: updates re-place under the same resource, never a replacement. */
export const PLACEMENT_RESOURCE_ID = 'connect-agent-placement';

const id = z.string().check(z.minLength(1), z.maxLength(256));

/** What the deploy wants of the instance's agents (lib/constructs/agent-placement.ts writes it as JSON). */
export const placementSchema = z.strictObject({
  instanceArn: z.string().check(z.minLength(1), z.maxLength(256)),
  holdingQueueId: id,
  agents: z.array(
    z.strictObject({
      repId: id,
      connectUserId: id,
      routingProfileId: id,
      afterContactWorkSeconds: z.number().check(z.int(), z.gte(1)),
    }),
  ),
  subject: z.strictObject({
    holdingQueueId: id,
    agents: z.array(z.strictObject({ repName: z.string(), connectUserId: id })),
    routableStatus: z.string(),
    statuses: z.array(z.strictObject({ name: z.string(), by: z.string() })),
  }),
});

export type Placement = z.infer<typeof placementSchema>;

const placementJson = z.pipe(
  z.string(),
  z.transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.issues.push({ code: 'custom', message: 'must be JSON', input: s });
      return z.NEVER;
    }
  }),
);

/** The custom resource's request as aws-cdk-lib's Provider passes it: CloudFormation's properties are strings. */
export const placementEventSchema = z.looseObject({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResourceProperties: z.looseObject({ Placement: z.pipe(placementJson, placementSchema) }),
  OldResourceProperties: z.optional(z.looseObject({ Placement: z.pipe(placementJson, placementSchema) })),
});
