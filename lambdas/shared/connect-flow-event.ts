import * as z from '../domain/zod';

/**
 * The Connect flow's Lambda event (reference §4.1) with the block's own parameters: only what the router uses
 * is required. Block parameters are strings, as Connect sends them.
 */
export const connectFlowEvent = <P extends z.ZodMiniType>(parameters: P) =>
  z.looseObject({
    Name: z.literal('ContactFlowEvent'),
    Details: z.looseObject({
      ContactData: z.looseObject({
        ContactId: z.string().check(z.minLength(1), z.maxLength(256)),
        Channel: z.literal('VOICE'),
        Attributes: z._default(z.record(z.string(), z.string()), {}),
        CustomerEndpoint: z.nullish(z.looseObject({ Address: z.optional(z.string().check(z.maxLength(64))) })),
      }),
      Parameters: parameters,
    }),
  });
