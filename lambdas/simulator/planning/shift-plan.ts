import { configFromScenario } from '../build-config';
import type { Scenario } from '../scenario';
import { minutesOf } from './day';
import type { PlanReport } from './plan-report';
import { replicatedPlan } from './replications';
import { type BuiltShift, buildShifts, type ShiftRules } from './shift-builder';
import { busiest, groupsServing, misses, type Staffing, type StaffingOptions, type StaffingTarget } from './staffing';

export interface ShiftPlan {
  /** Per rep group, its shifts. */
  readonly shifts: BuiltShift[][];
  /** The reps per interval the shifts were cut for: the staffing, raised where shifts alone missed. */
  readonly required: Staffing;
  readonly report: PlanReport;
  readonly met: boolean;
}

const ROUNDS = 6;

export const withShifts = (s: Scenario, shifts: BuiltShift[][]): Scenario => ({
  ...s,
  repGroups: s.repGroups?.map((g, i) => ({ ...g, staffing: undefined, shifts: shifts[i] ?? [] })),
});

/**
 * Cuts the staffing into shifts (shift-builder.ts) and confirms them by simulating the same days: breaks and shift
 * edges move reps from where the staffing had them, so where an interval then misses the target the requirement
 * there is raised by one (for the busiest group serving the queue, as the staffing search does) and the shifts cut
 * again, for a few rounds.
 */
export async function shiftsFor(
  scenario: Scenario,
  staffing: Staffing,
  target: StaffingTarget,
  rules: ShiftRules,
  options: StaffingOptions,
): Promise<ShiftPlan> {
  const s = { ...scenario, serviceLevelSeconds: target.serviceLevelSeconds };
  const required = staffing.map((row) => [...row]);
  const cut = () => required.map((row) => buildShifts(row, s.intervalMinutes, minutesOf(s.dayStart), rules));
  let plan: ShiftPlan | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const shifts = cut();
    const candidate = withShifts(s, shifts);
    const { config, reps } = (options.build ?? configFromScenario)(candidate);
    const { report } = await replicatedPlan(candidate, config, reps, options);
    const missed = misses(report, target);
    const people = shifts.flat().reduce((n, shift) => n + shift.reps, 0);
    options.onRound?.({ phase: 'shifts', reps: people, misses: missed.length });
    plan = { shifts, required: required.map((row) => [...row]), report, met: missed.length === 0 };
    if (plan.met) break;
    const raised = new Set<string>();
    for (const m of missed) {
      const g = busiest(report, groupsServing(s, m.queue), m.interval);
      if (g === undefined || raised.has(`${g}/${m.interval}`)) continue;
      raised.add(`${g}/${m.interval}`);
      required[g]![m.interval]!++;
    }
    if (!raised.size) break;
  }
  return plan!;
}
