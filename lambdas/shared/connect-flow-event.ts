import * as z from 'zod';

/**
 * The Connect flow's Lambda event (reference §4.1) with the block's own parameters: only what the router uses
 * is required. Block parameters are strings, as Connect sends them.
 */
export const connectFlowEvent = <P extends z.ZodType>(parameters: P) =>
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
              CustomerEndpoint: z
                .object({ Address: z.string().max(64).optional() })
                .loose()
                .nullish(),
            })
            .loose(),
          Parameters: parameters,
        })
        .loose(),
    })
    .loose();
