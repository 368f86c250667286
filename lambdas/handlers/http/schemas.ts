import * as z from 'zod';
import { dialOutcomeSchema } from '../../domain/use-cases/callback-dial';
import { transferRequestSchema } from '../../domain/use-cases/transfer-target';

export const idSchema = z.string().min(1).max(64);
/** The acting rep: taken from the token when omitted; when given, it must be the signed-in rep. */
export const actingRepSchema = idSchema.optional();
export const repOnly = z.object({ repId: actingRepSchema }).strict();

export const loginBody = z.object({ statusId: idSchema.optional() }).strict();
export const statusBody = z.object({ statusId: idSchema }).strict();
export const outboundBody = z.object({ callId: z.string().min(1).max(256), queueId: idSchema.optional() }).strict();
export const declineBody = z.object({ repId: actingRepSchema, reason: z.string().min(1).max(128).optional() }).strict();
export const transferBody = z.object({ repId: actingRepSchema, to: transferRequestSchema }).strict();
export const dialOutcomeBody = z
  .object({ repId: actingRepSchema, outcome: dialOutcomeSchema.shape.outcome, contactId: z.string().optional() })
  .strict();

export const destinationQuery = z
  .object({
    search: z.string().max(128).optional(),
    kind: z.enum(['queue', 'rep', 'routingFlow']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(64).optional(),
  })
  .strict();
export const waitingQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2048).optional(),
    routing: z.enum(['queue', 'skills']).default('queue'),
  })
  .strict();

export const supervisorStatusBody = z
  .object({ statusId: idSchema.nullable().describe('null logs the rep out') })
  .strict();
export const assignBody = z.object({ repId: idSchema }).strict();
export const moveBody = z.object({ queueId: idSchema }).strict();
export const priorityBody = z.object({ priority: z.number().int().min(1).max(1000) }).strict();

export const backlogQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(2048).optional(),
    routing: z.enum(['queue', 'skills', 'direct']).default('queue'),
  })
  .strict();
