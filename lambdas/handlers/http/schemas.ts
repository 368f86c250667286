import { dialOutcomeSchema } from '../../domain/use-cases/callback-dial';
import { transferRequestSchema } from '../../domain/use-cases/transfer-target';
import * as z from '../../domain/zod';

export const idSchema = z.string().check(z.minLength(1), z.maxLength(64));
/** The acting rep: taken from the token when omitted; when given, it must be the signed-in rep. */
export const actingRepSchema = z.optional(idSchema);
export const repOnly = z.strictObject({ repId: actingRepSchema });

export const loginBody = z.strictObject({ statusId: z.optional(idSchema) });
export const statusBody = z.strictObject({ statusId: idSchema });
export const outboundBody = z.strictObject({
  callId: z.string().check(z.minLength(1), z.maxLength(256)),
  queueId: z.optional(idSchema),
});
export const declineBody = z.strictObject({
  repId: actingRepSchema,
  reason: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});
export const transferBody = z.strictObject({ repId: actingRepSchema, to: transferRequestSchema });
export const dialOutcomeBody = z.strictObject({
  repId: actingRepSchema,
  outcome: dialOutcomeSchema.shape.outcome,
  contactId: z.optional(z.string()),
});

export const destinationQuery = z.strictObject({
  search: z.optional(z.string().check(z.maxLength(128))),
  kind: z.optional(z.enum(['queue', 'rep', 'routingFlow'])),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.maxLength(64))),
});
export const waitingQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  routing: z._default(z.enum(['queue', 'skills']), 'queue'),
});

export const supervisorStatusBody = z.strictObject({
  statusId: z.nullable(idSchema).check(z.describe('null logs the rep out')),
});
export const assignBody = z.strictObject({ repId: idSchema });
export const moveBody = z.strictObject({ queueId: idSchema });
export const priorityBody = z.strictObject({ priority: z.number().check(z.int(), z.gte(1), z.lte(1000)) });

export const backlogQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  routing: z._default(z.enum(['queue', 'skills', 'direct']), 'queue'),
});
