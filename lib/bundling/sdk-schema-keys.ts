import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** The AWS SDK's generated schema modules: one or more per client, the nested clients' (STS, SSO…) included. */
export const SDK_SCHEMA_FILE = /[\\/]@aws-sdk[\\/].+[\\/]dist-es[\\/](.+[\\/])?schemas[\\/]schemas_[0-9]+\.js$/;

/** A top-level string constant of a schema module, as the code generator writes them (`const _e = "error";`). */
const STRING_CONSTANT = /^const ([\w$]+) = ("(?:[^"\\\n]|\\.)*");$/gm;
/** A computed key naming a constant, in an object literal (after `{` or `,`; every one in these files is). */
const COMPUTED_KEY = /([{,]\s*)\[([\w$]+)\]:/g;

/**
 * A schema module with its trait objects' computed keys (`{ [_e]: _c }`) written as the literal strings the
 * constants hold (`{ "error": _c }`): the same values, in the same order. esbuild cannot prove a computed key free
 * of side effects, so every statement holding one stays in the bundle, with all it refers to: the whole service's
 * schema, although a function sends three of its operations (Connect's is 190 kB of a handler's bundle, S3's
 * 69 kB). Known upstream as aws/aws-sdk-js-v3#7607; smithy-lang/smithy-typescript#1889 has the code generator emit
 * literal keys, which makes this a no-op once released. Keys naming anything but a string constant are left alone.
 */
export function literalTraitKeys(source: string): string {
  const strings = new Map<string, string>();
  for (const [, name, literal] of source.matchAll(STRING_CONSTANT)) strings.set(name!, literal!);
  return source.replace(COMPUTED_KEY, (key, before: string, name: string) => {
    const literal = strings.get(name);
    return literal === undefined ? key : `${before}${literal}:`;
  });
}

/** The esbuild plugin applying `literalTraitKeys` to the SDK's schema modules as they load. */
export const sdkSchemaKeys: Plugin = {
  name: 'sdk-schema-literal-keys',
  setup(build) {
    build.onLoad({ filter: SDK_SCHEMA_FILE }, async ({ path }) => ({
      contents: literalTraitKeys(await readFile(path, 'utf8')),
      loader: 'js',
    }));
  },
};
