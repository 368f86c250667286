import fc from 'fast-check';
import { gte } from '../../../lambdas/shared/semver-gte';

/** The package the bundles leave out (lib/bundling/semver-gte.ts), as the reference for what `gte` must answer. */
const semver = require('semver') as { gte(a: string, b: string): boolean };

const identifier = fc.oneof(
  fc.nat({ max: 20 }).map(String),
  fc.stringMatching(/^[0-9A-Za-z-]{1,4}$/).filter((s) => !/^0\d/.test(s)),
);
const version = fc
  .record({
    release: fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 }), fc.nat({ max: 3 })),
    prerelease: fc.array(identifier, { maxLength: 3 }),
    build: fc.option(fc.stringMatching(/^[0-9A-Za-z]{1,3}$/)),
  })
  .map(
    ({ release, prerelease, build }) =>
      `${release.join('.')}${prerelease.length ? `-${prerelease.join('.')}` : ''}${build ? `+${build}` : ''}`,
  );

describe("semver's gte, as the bundles carry it", () => {
  it('answers as semver does for any two versions, prereleases and builds included', () => {
    fc.assert(
      fc.property(version, version, (a, b) => gte(a, b) === semver.gte(a, b)),
      { numRuns: 2000 },
    );
  });

  it('accepts and refuses the same strings as semver', () => {
    const answer = (f: () => boolean) => {
      try {
        return f();
      } catch (err) {
        return (err as Error).constructor.name;
      }
    };
    fc.assert(
      fc.property(fc.stringMatching(/^ ?v?[01a.+-]{1,9} ?$/), version, (a, b) =>
        expect(answer(() => gte(a, b))).toBe(answer(() => semver.gte(a, b))),
      ),
      { numRuns: 2000 },
    );
  });

  it('answers the two questions its importers ask', () => {
    expect(gte(process.versions.node, '8.0.0')).toBe(true);
    expect(gte('2.7.14', '2.7.15')).toBe(false);
    expect(gte('v2.1500.0', '2.7.15')).toBe(true);
  });

  it('refuses what is not a version, as semver does', () => {
    for (const bad of ['', '1.2', 'x.y.z', '1.2.3x', '1.2.3-', '01.2.3', '1.02.3', '1.2.3-01', '=1.2.3']) {
      expect(() => gte(bad, '1.0.0')).toThrow(new TypeError(`Invalid Version: ${bad}`));
      expect(() => semver.gte(bad, '1.0.0')).toThrow(TypeError);
    }
  });
});
