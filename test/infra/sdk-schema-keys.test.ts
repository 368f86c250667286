import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { literalTraitKeys, SDK_SCHEMA_FILE, sdkSchemaKeys } from '../../lib/bundling/sdk-schema-keys';

const SDK = join(__dirname, '../../node_modules/@aws-sdk');

/** Every installed client's schema modules, the nested clients' (STS, SSO…) included. */
const SCHEMA_FILES = readdirSync(SDK).flatMap((pkg) => {
  const dist = join(SDK, pkg, 'dist-es');
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)schemas\/schemas_\d+\.js$/.test(f))
    .map((f) => join(dist, f));
});

/** A schema module bundled on its own (not minified, not tree-shaken), with or without the plugin, and loaded. */
async function load(file: string, dir: string, withPlugin: boolean): Promise<Record<string, unknown>> {
  const out = join(dir, `${withPlugin ? 'literal' : 'computed'}-${SCHEMA_FILES.indexOf(file)}.js`);
  await build({
    entryPoints: [file],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
    plugins: withPlugin ? [sdkSchemaKeys] : [],
  });
  return require(out) as Record<string, unknown>;
}

const isClass = (f: (...args: never) => unknown) => /^class\b/.test(Function.prototype.toString.call(f));

/**
 * A schema value as plain data, in order: thunks (`() => Shape$`, how schemas refer to each other) are followed,
 * classes named, shared or cyclic values replaced by the order they were first met.
 */
function plain(value: unknown, seen = new Map<unknown, string>()): unknown {
  if (typeof value === 'function') {
    const f = value as () => unknown;
    if (isClass(f) || f.length > 0) return `function ${f.name}`;
    if (seen.has(f)) return seen.get(f);
    seen.set(f, `thunk ${seen.size}`);
    return { thunk: plain(f(), seen) };
  }
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  seen.set(value, `ref ${seen.size}`);
  if (value instanceof Map) return { map: [...value].map(([k, v]) => [k, plain(v, seen)]) };
  if (Array.isArray(value)) return value.map((v) => plain(v, seen));
  return Object.entries(value).map(([k, v]) => [k, plain(v, seen)]);
}

describe('the SDK schema modules with literal trait keys', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sdk-schemas-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are found: every client the functions carry has one', () => {
    for (const client of ['client-connect', 'client-dynamodb', 'client-s3', 'client-eventbridge', 'client-sqs'])
      expect(SCHEMA_FILES.some((f) => f.includes(`/${client}/`))).toBe(true);
    expect(SCHEMA_FILES.filter((f) => f.includes('/nested-clients/')).length).toBeGreaterThan(0);
    for (const file of SCHEMA_FILES) expect(SDK_SCHEMA_FILE.test(file)).toBe(true);
  });

  it('keep no computed key that names a string constant', () => {
    for (const file of SCHEMA_FILES) {
      const source = readFileSync(file, 'utf8');
      expect(literalTraitKeys(source)).not.toMatch(/[{,]\s*\[_[\w$]*\]:/);
    }
  });

  it.each(SCHEMA_FILES.map((f) => [f.replace(/.*node_modules\//, ''), f]))(
    '%s exports the same schemas, in the same order',
    async (_name, file) => {
      const [computed, literal] = [await load(file, dir, false), await load(file, dir, true)];
      expect(Object.keys(literal)).toEqual(Object.keys(computed));
      expect(JSON.stringify(plain(literal))).toBe(JSON.stringify(plain(computed)));
    },
  );

  it('leave keys alone that name anything but a string constant', () => {
    const source = 'const _e = "error";\nconst n = 3;\nexport var A = [{ [_e]: 1, [n]: 2, [other]: 3 }];\n';
    expect(literalTraitKeys(source)).toBe(
      'const _e = "error";\nconst n = 3;\nexport var A = [{ "error": 1, [n]: 2, [other]: 3 }];\n',
    );
  });

  it('write nothing when they hold no computed key', () => {
    const source = 'const _e = "error";\nexport var A = [{ "error": _e }];\n';
    expect(literalTraitKeys(source)).toBe(source);
  });
});
