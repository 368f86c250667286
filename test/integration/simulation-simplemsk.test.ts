import { SIMULATION_TIMEOUT_MS } from '../support/budgets';
import { planOf } from '../support/planning';
import { compareWithPublished, mskDay, simpleMsk } from '../support/simplemsk-benchmark';
import { noViolations } from '../support/simulation';

/**
 * The ContactCenters library's published multi-skill, multi-period example (SimpleMSK: three contact types, two
 * agent groups, one type served by both, three two-hour periods, a Gamma busyness): its model, parameters and figures,
 * with the source, are in test/support/simplemsk-benchmark.ts.
 */

/** Six days keep the suite short (about 5 s a day); `npm run validate:planning` runs 100 against the same figures. */
const DAYS = 6;

describe('multi-skill, multi-period benchmark with published figures (ContactCenters SimpleMSK)', () => {
  it(
    'served, abandoned, the service level, and each type and period within 20 s agree (5% error rate)',
    async () => {
      const { runs, report } = await planOf(simpleMsk, DAYS);
      expect(report.invariants).toEqual(noViolations);
      const comparisons = compareWithPublished(runs.map(mskDay));
      expect(comparisons).toHaveLength(12);
      const off = comparisons.filter((c) => Math.abs(c.ours - c.published) > c.allowed);
      expect(off).toEqual([]);
    },
    SIMULATION_TIMEOUT_MS,
  );
});
