import { gammaMeanOne } from '../random';
import type { Distribution, Scenario } from '../scenario';
import { type PlanningDay, rateAt, rateChangeAfter, timesOfStream } from './day';

/**
 * A day's arrivals: Poisson with a rate constant within each interval (steady for `perHour`), times the day's
 * busyness. The exponential gap is drawn afresh at each change of rate, which is exact for a piecewise-constant
 * rate because the exponential has no memory.
 */
export class Traffic {
  /** The day's multiplier of every arrival rate: 1 without `busyness`, else a Gamma draw with mean 1. */
  readonly busyness: number;
  private readonly times: ReturnType<typeof timesOfStream>[];

  constructor(
    private readonly scenario: Scenario,
    private readonly day: PlanningDay,
    private readonly random: () => number,
    private readonly end: number,
  ) {
    const b = scenario.busyness;
    this.busyness = b ? gammaMeanOne(b.shape, random) : 1;
    this.times = scenario.arrivals.map((a) => timesOfStream(scenario, a, day));
  }

  /** When the stream's next item arrives after `from`, or undefined when none arrives before the run ends. */
  next(stream: number, from: number): number | undefined {
    const a = this.scenario.arrivals[stream]!;
    let t = from;
    for (;;) {
      const rate = rateAt(a, this.day, t) * this.busyness;
      const change = rateChangeAfter(a, this.day, t);
      if (rate > 0) {
        const next = t - Math.log(1 - this.random()) / rate;
        if (next < change) return next <= this.end ? next : undefined;
      }
      if (change >= this.end) return undefined;
      t = change;
    }
  }

  /** The handle and patience distributions of an item of the stream arriving at `at`. */
  timesOf(stream: number, at: number): { handle: Distribution; patience: Distribution | undefined } {
    return this.times[stream]!(at);
  }
}
