import { erlang } from '../../lambdas/simulator/planning/erlang';
import { SIMULATION_TIMEOUT_MS } from '../support/budgets';
import { planOf } from '../support/planning';
import { chat, noViolations } from '../support/simulation';

/**
 * Benchmark: R. B. Wallace and W. Whitt, "A staffing algorithm for call centers with skill-based routing",
 * Manufacturing & Service Operations Management 7(4), 2005, 276-294; and their companion "Resource pooling and
 * staffing in call centers with skill-based routing". Their experiments: 6 call types, Poisson arrivals, the
 * same exponential handle time for every type and rep, and reps with two skills each in a ring (1-2, 2-3, …,
 * 6-1). Their published finding: with two skills per rep in such a design, the service is almost as good as if
 * every rep had every skill, i.e. the single pooled queue that Erlang gives. Here it is held per period of a
 * three-period day (30-minute periods, 42 to 66 reps), with abandonment, on the router's real configuration
 * (6 queues, 6 rep groups). `npm run validate:planning` runs their size (90 reps) over longer periods.
 */
const TYPES = 6;
/** Arrivals per hour in each 30-minute period, and reps per pool: about 0.8 occupancy throughout. */
const perHour = [2100, 3300, 2700];
const repsPerGroup = [7, 11, 9];
const handle = 60;
const patience = 120;

const center = (skills: (i: number) => string[]) => ({
  name: 'wallace-whitt ring',
  seed: 5,
  intervalMinutes: 30,
  durationMinutes: 90,
  serviceLevelSeconds: 20,
  channels: [{ name: 'chat', realTime: true }],
  queues: Array.from({ length: TYPES }, (_, i) => chat({ id: `type-${i + 1}` })),
  repGroups: Array.from({ length: TYPES }, (_, i) => ({
    name: `pool ${i + 1}`,
    count: Math.max(...repsPerGroup),
    queues: skills(i),
    status: ['chat'],
    staffing: repsPerGroup,
  })),
  arrivals: Array.from({ length: TYPES }, (_, i) => ({
    queue: `type-${i + 1}`,
    perInterval: perHour.map((l) => l / TYPES / 2),
    handleSeconds: { distribution: 'exponential', mean: handle },
    patienceSeconds: { distribution: 'exponential', mean: patience },
  })),
});

describe('multi-skill, multi-period benchmark (Wallace and Whitt 2005: two skills per rep pool almost fully)', () => {
  it(
    'a ring of two-skill pools serves each period nearly as one pooled Erlang A queue; single-skill pools do not',
    async () => {
      const ring = await planOf(
        center((i) => [`type-${i + 1}`, `type-${((i + 1) % TYPES) + 1}`]),
        4,
      );
      const specialists = await planOf(
        center((i) => [`type-${i + 1}`]),
        4,
      );
      perHour.forEach((lambda, p) => {
        const pooled = erlang(
          TYPES * repsPerGroup[p]!,
          { arrivalRate: lambda / 3600, meanHandleSeconds: handle, meanPatienceSeconds: patience },
          20,
        );
        const apart = erlang(
          repsPerGroup[p]!,
          { arrivalRate: lambda / TYPES / 3600, meanHandleSeconds: handle, meanPatienceSeconds: patience },
          20,
        );
        const mean = (r: typeof ring, pick: 'serviceLevel' | 'abandonRate') =>
          Object.values(r.report.queues).reduce((s, q) => s + q.intervals[p]![pick]!.mean, 0) / TYPES;
        /** Half the 95% interval of a queue's estimate, averaged over the types (conservative for their mean). */
        const spread = (r: typeof ring, pick: 'serviceLevel' | 'abandonRate') =>
          Object.values(r.report.queues).reduce((s, q) => {
            const e = q.intervals[p]![pick]!;
            return s + (e.high - e.low) / 2;
          }, 0) / TYPES;
        // "Almost as good as all skills": within 2 points of service level and 1 point of abandonment of the pooled
        // queue, beyond the estimate's own 95% interval (four 90-minute days; each period starts from the last
        // one's state, not Erlang's steady state).
        const slGap = Math.abs(mean(ring, 'serviceLevel') - pooled.serviceLevel);
        expect(slGap).toBeLessThan(0.02 + spread(ring, 'serviceLevel'));
        expect(Math.abs(mean(ring, 'abandonRate') - pooled.pAbandon)).toBeLessThan(0.01 + spread(ring, 'abandonRate'));
        // Without cross-training each pool is its own small Erlang A queue, and clearly worse.
        expect(Math.abs(mean(specialists, 'serviceLevel') - apart.serviceLevel)).toBeLessThan(0.04);
        expect(mean(specialists, 'serviceLevel')).toBeLessThan(mean(ring, 'serviceLevel') - 0.05);
      });
      for (const r of [...ring.runs, ...specialists.runs]) expect(r.invariants).toEqual(noViolations);
    },
    SIMULATION_TIMEOUT_MS,
  );
});
