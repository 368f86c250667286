import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { eventSchemas } from '../../lambdas/domain/routing/event-schemas';
import { EventSchemaRegistry, registrySchema, toDraft4 } from '../../lib/constructs/event-schema-registry';
import { testApp } from '../support/cdk-app';

/** Subscribers can rely on the catalogue (issue #33): every catalogued event is registered, in a dialect it takes. */
describe('the event catalogue as an EventBridge schema registry', () => {
  const stack = new Stack(testApp(), 'Registry');
  new EventSchemaRegistry(stack, 'Events');
  const schemas = Object.values(Template.fromStack(stack).findResources('AWS::EventSchemas::Schema'));

  it('registers one schema per catalogued detail type, at the catalogue version, as JSON Schema draft 4', () => {
    expect(schemas.map((s) => s.Properties.SchemaName).sort()).toEqual(
      Object.keys(eventSchemas)
        .map((t) => `${t}.v1`)
        .sort(),
    );
    for (const s of schemas) expect(s.Properties.Type).toBe('JSONSchemaDraft4');
  });

  it('describes the event a subscriber receives: detail-type, source, and the detail as the catalogue has it', () => {
    const offer = schemas.find((s) => s.Properties.SchemaName === 'offer.created.v1')!;
    const content = JSON.parse(offer.Properties.Content);
    expect(content).toMatchObject({
      $schema: 'http://json-schema.org/draft-04/schema#',
      properties: {
        'detail-type': { enum: ['offer.created'] },
        source: { enum: ['unified-routing'] },
        detail: { properties: { type: { type: 'string', enum: ['offer.created'] }, schemaVersion: { enum: [1] } } },
      },
    });
    // No keyword later than draft 4 is left anywhere.
    expect(JSON.stringify(content)).not.toMatch(/"(const|\$id|propertyNames|readOnly)":/);
    expect(JSON.stringify(registrySchema('work.queued'))).toContain('"required"');
  });

  it('turns const into a one-value enum and $id into id, and drops what draft 4 lacks', () => {
    expect(
      toDraft4({ $id: 'x', const: 3, readOnly: true, propertyNames: { minLength: 1 }, items: [{ const: 'a' }] }),
    ).toEqual({ id: 'x', enum: [3], items: [{ enum: ['a'] }] });
    // A property named like a keyword is a property, not a keyword.
    expect(toDraft4({ properties: { const: { type: 'string' } } })).toEqual({
      properties: { const: { type: 'string' } },
    });
  });
});
