import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventCataloguePage, eventJsonSchema } from '../lambdas/domain/routing/event-catalogue';
import { eventSchemas } from '../lambdas/domain/routing/event-schemas';
import type { RoutingEventType } from '../lambdas/domain/routing/events';
import { openApiDocument } from '../lambdas/handlers/http/openapi';
import { scenarioJsonSchema } from '../lambdas/simulator/scenario-json-schema';
import { flowFiles } from '../lib/connect/flow-files';

/** Writes the JSON Schemas generated from the validating zod schemas (`npm run schemas`). */
const root = resolve(__dirname, '..');
const write = (path: string, text: string) => {
  writeFileSync(resolve(root, path), text);
  console.log(`wrote ${path}`);
};
write('examples/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
mkdirSync(resolve(root, 'docs/events'), { recursive: true });
for (const type of Object.keys(eventSchemas) as RoutingEventType[]) {
  write(`docs/events/${type}.json`, `${JSON.stringify(eventJsonSchema(type), null, 2)}\n`);
}
write('docs/events/README.md', eventCataloguePage());
mkdirSync(resolve(root, 'docs/flows'), { recursive: true });
for (const [name, flow] of Object.entries(flowFiles)) write(`docs/flows/${name}`, `${JSON.stringify(flow, null, 2)}\n`);
write('docs/openapi.json', `${JSON.stringify(openApiDocument(), null, 2)}\n`);
