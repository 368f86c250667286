import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../../../lambdas/handlers/http/openapi';
import { routes } from '../../../lambdas/handlers/http/routes';

const root = join(__dirname, '../../..');

/** @seriousme/openapi-schema-validator is ESM-only: it runs in a plain Node process, on the document as text. */
function validate(doc: unknown): { valid: boolean; errors?: unknown } {
  const script = `import { Validator } from '@seriousme/openapi-schema-validator';
    const v = new Validator();
    const r = await v.validate(JSON.parse(process.argv[1]));
    process.stdout.write(JSON.stringify({ ...r, version: v.version }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(doc)], {
    encoding: 'utf8',
    cwd: root,
  });
  return JSON.parse(out);
}

describe('OpenAPI document (docs/openapi.json)', () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>> };

  it('is the one generated from the route table (npm run schemas)', () => {
    expect(JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8'))).toEqual(doc);
  });

  it('is valid OpenAPI 3.1, and the validator does reject a broken one', () => {
    expect(validate(doc)).toMatchObject({ valid: true, version: '3.1' });
    const broken = structuredClone(doc) as Record<string, unknown>;
    delete broken.info;
    expect(validate(broken).valid).toBe(false);
  });

  it('describes every route, with the schemas that validate it and who may call it', () => {
    const described = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(Object.keys(routes).sort());
    const submit = doc.paths['/work']!.post!;
    expect(submit).toMatchObject({
      security: [{ sigv4: [] }],
      requestBody: { content: { 'application/json': { schema: { required: ['channel', 'source', 'queue'] } } } },
    });
    const decline = doc.paths['/items/{itemId}/decline']!.post!;
    expect(decline).toMatchObject({ security: [{ bearer: [] }], 'x-access': 'rep' });
    expect(doc.paths['/queues/{queueId}/waiting']!.get).toMatchObject({
      'x-access': 'supervisor',
      parameters: expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' })]),
    });
  });
});
