import { CfnRegistry, CfnSchema } from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../lambdas/adapters/eventbridge/event-source';
import { eventJsonSchema } from '../../lambdas/domain/routing/event-catalogue';
import { EVENT_SCHEMA_VERSION, eventSchemas } from '../../lambdas/domain/routing/event-schemas';
import type { RoutingEventType } from '../../lambdas/domain/routing/events';

/**
 * A schema of the catalogue (draft 2020-12) in the dialect the registry takes, JSON Schema draft 4 (the other is
 * OpenAPI 3; AWS::EventSchemas::Schema `Type`): `const` becomes a one-value `enum`, `$id` becomes `id`, and the
 * keywords draft 4 lacks (`propertyNames`, `readOnly`) are dropped, which only loosens what they checked.
 */
export function toDraft4(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toDraft4);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'propertyNames' || key === 'readOnly') continue;
    if (key === '$schema') out.$schema = 'http://json-schema.org/draft-04/schema#';
    else if (key === '$id') out.id = value;
    else if (key === 'const') out.enum = [value];
    else if (key === 'properties')
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDraft4(v)]));
    else out[key] = toDraft4(value);
  }
  return out;
}

/** The EventBridge event a subscriber receives: the envelope, with the catalogue's schema as its `detail`. */
export function registrySchema(type: RoutingEventType): Record<string, unknown> {
  const { $schema: _dialect, ...detail } = toDraft4(eventJsonSchema(type)) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: type,
    type: 'object',
    required: ['detail-type', 'source', 'detail'],
    properties: {
      'detail-type': { type: 'string', enum: [type] },
      source: { type: 'string', enum: [EVENT_SOURCE] },
      detail,
    },
  };
}

/**
 * The event catalogue (docs/events) deployed as an EventBridge schema registry, one schema per detail type at the
 * catalogue's version (`offer.created.v1`), so a subscriber downloads code bindings instead of copying JSON.
 */
export class EventSchemaRegistry extends Construct {
  readonly registry: CfnRegistry;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.registry = new CfnRegistry(this, 'Registry', {
      registryName: EVENT_SOURCE,
      description: 'unified-routing routing events: one schema per detail type (docs/events)',
    });
    for (const type of Object.keys(eventSchemas) as RoutingEventType[]) {
      // The registry's name attribute orders the schemas after it.
      new CfnSchema(this, type.replace(/\W/g, ''), {
        registryName: this.registry.attrRegistryName,
        schemaName: `${type}.v${EVENT_SCHEMA_VERSION}`,
        type: 'JSONSchemaDraft4',
        content: JSON.stringify(registrySchema(type)),
        description: `${type}: detail schemaVersion ${EVENT_SCHEMA_VERSION}`,
      });
    }
  }
}
