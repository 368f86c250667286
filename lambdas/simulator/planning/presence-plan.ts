import type { Router } from '../../domain/use-cases/router';
import type { SimRep } from '../build-config';
import type { Scenario } from '../scenario';
import { offsetOf, type PlanningDay } from './day';

/** One presence change of a simulated rep, carried out through the router's own presence use cases. */
export interface PresenceStep {
  readonly at: number;
  readonly repId: string;
  readonly action: 'logIn' | 'break' | 'return' | 'logOut';
  /** The status a rep logs in with, returns to, or (a break) takes. */
  readonly statusId?: string;
}

/** The status a scheduled rep takes for a break or when not staffed: no channels (build-config's `busy`). */
export const BREAK_STATUS = 'busy';

type Segment = readonly [number, number];

/** When each rep of a group is on: by staffing per interval, by shifts, or (neither) all run long. */
function segmentsOf(s: Scenario, day: PlanningDay, group: number, repCount: number): Segment[][] {
  const g = s.repGroups?.[group];
  const always: Segment[] = [[day.start, Number.POSITIVE_INFINITY]];
  if (g?.staffing) {
    return Array.from({ length: repCount }, (_, k) =>
      merge(
        g.staffing!.flatMap((n, i) =>
          k < n ? [[day.start + i * day.intervalMs, day.start + (i + 1) * day.intervalMs] as const] : [],
        ),
      ),
    );
  }
  if (!g?.shifts) return Array.from({ length: repCount }, () => always);
  const at = (clock: string) => day.start + offsetOf(s, clock);
  const plans: Segment[][] = [];
  for (const shift of g.shifts) {
    const start = at(shift.start);
    const end = offsetOf(s, shift.end) === 0 ? day.start + 86_400_000 : at(shift.end);
    const breaks = shift.breaks.map((b) => [at(b.start), at(b.start) + b.minutes * 60_000] as const);
    const on: Segment[] = [];
    let from = start;
    for (const [bs, be] of [...breaks].sort((x, y) => x[0] - y[0])) {
      if (bs > from) on.push([from, bs]);
      from = Math.max(from, be);
    }
    if (end > from) on.push([from, end]);
    for (let r = 0; r < shift.reps; r++) plans.push(on);
  }
  while (plans.length < repCount) plans.push([]);
  return plans;
}

function merge(segments: Segment[]): Segment[] {
  const out: [number, number][] = [];
  for (const [a, b] of segments) {
    const last = out[out.length - 1];
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/**
 * The day's presence changes in time order: the first time on logs a rep in, later gaps are breaks (a status
 * with no channels, so work in hand is finished as in production), and the last time off logs them out.
 */
export function presencePlan(s: Scenario, day: PlanningDay, reps: readonly SimRep[]): PresenceStep[] {
  const byGroup = new Map<number, SimRep[]>();
  for (const r of reps) {
    const members = byGroup.get(r.group ?? -1);
    if (members) members.push(r);
    else byGroup.set(r.group ?? -1, [r]);
  }
  const steps: PresenceStep[] = [];
  for (const [group, members] of byGroup) {
    const plans = segmentsOf(s, day, group, members.length);
    members.forEach((rep, k) => {
      const on = plans[k] ?? [];
      on.forEach(([from, to], i) => {
        steps.push({ at: from, repId: rep.repId, action: i === 0 ? 'logIn' : 'return', statusId: rep.statusId });
        if (to === Number.POSITIVE_INFINITY) return;
        const last = i === on.length - 1;
        steps.push({
          at: to,
          repId: rep.repId,
          action: last ? 'logOut' : 'break',
          ...(last ? {} : { statusId: rep.breakStatusId ?? BREAK_STATUS }),
        });
      });
    });
  }
  return steps.sort((a, b) => a.at - b.at);
}

/** Carries out one step through the router's presence use cases, as a rep's desktop would. */
export async function carryOut(router: Router, step: PresenceStep): Promise<void> {
  const { repId, statusId } = step;
  if (step.action === 'logIn') await router.logIn({ repId, statusId });
  else if (step.action === 'logOut') await router.logOut({ repId });
  else await router.changeStatus({ repId, statusId: statusId! });
}
