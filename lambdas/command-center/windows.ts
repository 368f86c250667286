/** Per-minute counters of one queue, summed over windows for the Command Center. */
export interface MinuteCounts {
  offered: number;
  accepted: number;
  declined: number;
  timedOut: number;
  abandoned: number;
  withinServiceLevel: number;
  /** Sum of the accepted items' waits, for the average speed of answer. */
  answerMs: number;
}

export const emptyCounts = (): MinuteCounts => ({
  offered: 0,
  accepted: 0,
  declined: 0,
  timedOut: 0,
  abandoned: 0,
  withinServiceLevel: 0,
  answerMs: 0,
});

export const minuteOf = (at: number) => Math.floor(at / 60_000);

/** Minutes kept per queue: since midnight anywhere is at most a day ago. */
export const KEPT_MINUTES = 26 * 60;

/** Epoch ms of the last midnight in `timeZone` (IANA) at or before `now`. */
export function midnightIn(timeZone: string, now: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(now));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + (now % 1000);
  return now - sinceMidnight;
}

export interface WindowFigures {
  readonly offered: number;
  readonly accepted: number;
  readonly declined: number;
  readonly timedOut: number;
  readonly abandoned: number;
  /** Accepted within the service level, over accepted (as the run's totals); null with none accepted. */
  readonly serviceLevel: number | null;
  /** Average wait of accepted items, in seconds; null with none. */
  readonly averageSpeedOfAnswerSeconds: number | null;
}

/** The counts of the minutes from `from` (epoch ms) to now, as the figures a supervisor reads. */
export function figures(minutes: Readonly<Record<string, MinuteCounts>>, from: number): WindowFigures {
  const sum = emptyCounts();
  const first = minuteOf(from);
  for (const [minute, c] of Object.entries(minutes)) {
    if (Number(minute) < first) continue;
    for (const k of Object.keys(sum) as (keyof MinuteCounts)[]) sum[k] += c[k];
  }
  return {
    offered: sum.offered,
    accepted: sum.accepted,
    declined: sum.declined,
    timedOut: sum.timedOut,
    abandoned: sum.abandoned,
    serviceLevel: sum.accepted ? sum.withinServiceLevel / sum.accepted : null,
    averageSpeedOfAnswerSeconds: sum.accepted ? Math.round(sum.answerMs / sum.accepted / 100) / 10 : null,
  };
}

/**
 * Service level minute by minute over the last `count` minutes (null for a minute with nothing answered): the
 * queue's trend line on the Command Center.
 */
export function serviceLevelTrend(
  minutes: Readonly<Record<string, MinuteCounts>>,
  now: number,
  count = 60,
): { readonly at: number; readonly serviceLevel: number | null }[] {
  const last = minuteOf(now);
  return Array.from({ length: count }, (_, k) => {
    const minute = last - (count - 1 - k);
    const c = minutes[String(minute)];
    return { at: minute * 60_000, serviceLevel: c?.accepted ? c.withinServiceLevel / c.accepted : null };
  });
}
