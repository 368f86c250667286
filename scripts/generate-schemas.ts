import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenarioJsonSchema } from '../lambdas/simulator/scenario-json-schema';

/** Writes examples/scenario.schema.json from the zod schema that validates scenarios (`npm run schemas`). */
const target = resolve(__dirname, '../examples/scenario.schema.json');
writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
