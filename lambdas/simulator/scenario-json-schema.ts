import * as z from '../domain/zod';
import { scenarioSchema } from './scenario';

/** The JSON Schema of a scenario file, generated from the same zod schema that validates it. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://github.com/unified-routing/unified-routing/examples/scenario.schema.json',
    title: 'unified-routing simulator scenario',
  };
}
