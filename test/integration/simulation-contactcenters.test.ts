import { SIMULATION_TIMEOUT_MS } from '../support/budgets';
import { ARRIVALS, allowedGap, PUBLISHED, PUBLISHED_DAY, singleQueue } from '../support/contactcenters-benchmark';
import { planOf } from '../support/planning';
import { noViolations } from '../support/simulation';

/**
 * The ContactCenters library's published sample report (Buist and L'Ecuyer): its model, parameters and figures, with
 * the source, are in test/support/contactcenters-benchmark.ts.
 */

/** Twelve days keep the suite short; `npm run validate:planning` runs 100 against the same figures. */
const DAYS = 12;

describe('multi-period benchmark with published figures (ContactCenters sample report, 13 hourly periods)', () => {
  it(
    "each period's service level and the day's agree with the published ones (5% error rate per family)",
    async () => {
      const { report } = await planOf(singleQueue, DAYS);
      expect(report.invariants).toEqual(noViolations);
      const queue = report.queues.inbound!;
      // The thirteen periods as one family of comparisons, then the day as its own.
      PUBLISHED.forEach((published, p) => {
        const ours = queue.intervals[p]!.serviceLevel!;
        expect(Math.abs(ours.mean - published[0])).toBeLessThan(allowedGap(ours, published, 13));
      });
      const day = queue.day.serviceLevel!;
      expect(Math.abs(day.mean - PUBLISHED_DAY[0])).toBeLessThan(allowedGap(day, PUBLISHED_DAY, 1));
      // Offered load follows the published arrivals: about 1,760 calls a day.
      const arrived = ARRIVALS.reduce((s, a) => s + a, 0);
      expect(Math.abs(queue.day.arrived!.mean - arrived)).toBeLessThan(
        (queue.day.arrived!.high - queue.day.arrived!.low) / 2 + 0.01 * arrived,
      );
    },
    SIMULATION_TIMEOUT_MS,
  );
});
