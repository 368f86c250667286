/**
 * `semver`'s `gte`, the one function of it that the X-Ray SDK (Powertools' Tracer) and its `cls-hooked` call: the
 * bundler gives them this in place of the package (lib/bundling/semver-gte.ts), whose 28 kB build some forty regular
 * expressions at every cold start. Versions are compared as semver 2.0.0 orders them, prereleases included; like
 * `semver`, a string that is not a version is a TypeError.
 */
// semver's strict form: numbers without leading zeros, in the release and in numeric prerelease identifiers.
const NUMBER = '(0|[1-9]\\d*)';
const IDENTIFIER = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const VERSION = new RegExp(
  `^v?${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);
const NUMERIC = /^\d+$/;

interface Version {
  readonly release: readonly number[];
  readonly prerelease: readonly string[];
}

function parse(version: string): Version {
  const match = typeof version === 'string' ? VERSION.exec(version.trim()) : null;
  if (!match) throw new TypeError(`Invalid Version: ${version}`);
  return { release: match.slice(1, 4).map(Number), prerelease: match[4]?.split('.') ?? [] };
}

/** Identifiers: numbers numerically and below words; words in ASCII order (semver 2.0.0 §11). */
function compareIdentifiers(a: string, b: string): number {
  const [an, bn] = [NUMERIC.test(a), NUMERIC.test(b)];
  if (an && bn) return Math.sign(Number(a) - Number(b));
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.release[i] !== b.release[i]) return Math.sign(a.release[i]! - b.release[i]!);
  // A release ranks above its prereleases; between prereleases, the first differing identifier decides.
  if (!a.prerelease.length || !b.prerelease.length) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifiers(a.prerelease[i]!, b.prerelease[i]!);
    if (order) return order;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}

export const gte = (a: string, b: string): boolean => compare(parse(a), parse(b)) >= 0;
