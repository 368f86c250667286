import type { ContactCenterInput, RepConfig } from '../../domain/config/schema';
import { repsIn, type SimRep } from '../build-config';
import type { Scenario } from '../scenario';

type RepGroup = NonNullable<Scenario['repGroups']>[number];

/** Builds the configuration and the simulated reps a scenario runs on (for a staffing search, each candidate). */
export type CenterBuilder = (s: Scenario) => { config: unknown; reps: SimRep[] };

const statusOf = (file: ContactCenterInput, s: Scenario) =>
  file.statuses.find((st) => st.id === s.loginStatus) ?? file.statuses[0];

/** The file's first status with no channels: scheduled reps take it for breaks and gaps in their staffing. */
export const breakStatusOf = (file: ContactCenterInput) => file.statuses.find((st) => st.channels.length === 0)?.id;

/**
 * A contact-center file's groups as the planning code reads rep groups: the queues their reps serve, their skills, the
 * channels of the status they log in with, their capacity, and the staffing or shifts the scenario gives them. Index i is the
 * file's group i, which is how `fileCenter` maps staffing back onto the file's reps.
 */
export function plannedGroups(file: ContactCenterInput, s: Scenario): RepGroup[] {
  const channels = statusOf(file, s)?.channels ?? [];
  return file.groups.map((g) => {
    const members = file.reps.filter((r) => r.group === g.id);
    const plan = s.groupStaffing?.find((p) => p.group === g.id);
    const onShifts = (plan?.shifts ?? []).reduce((n, shift) => n + shift.reps, 0);
    const presence = file.presenceConfigs.find((p) => p.id === g.presenceConfig);
    return {
      name: g.name ?? g.id,
      count: Math.max(1, members.length, onShifts),
      capacity: presence?.capacity ?? 100,
      queues: [...new Set(members.flatMap((r) => r.queues))],
      // The best level any member has: the group can take skills work that one of its reps can.
      skills: bestSkills(members),
      status: channels,
      autoAccept: presence?.autoAccept ?? false,
      allowDecline: presence?.allowDecline ?? true,
      ...(plan?.staffing ? { staffing: plan.staffing } : {}),
      ...(plan?.shifts ? { shifts: plan.shifts } : {}),
    };
  });
}

/**
 * The file's configuration with as many reps per group as the scenario's staffing asks for: the file's own in order,
 * then copies of them in turn (same queues, skills and presence; a planner asking "how many do we need" may need more
 * than they have). Each simulated rep knows its group, so the presence plan carries out that group's schedule.
 */
export function fileCenter(file: ContactCenterInput): CenterBuilder {
  return (s) => {
    const groups = s.repGroups ?? [];
    const statusId = statusOf(file, s)?.id;
    const breakStatusId = breakStatusOf(file);
    const index = new Map(file.groups.map((g, i) => [g.id, i]));
    // The file's reps in its own order, then the copies each group's staffing needs.
    const configReps: RepConfig[] = [...file.reps];
    const reps: SimRep[] = file.reps.map((r) => ({ repId: r.id, statusId, breakStatusId, group: index.get(r.group) }));
    file.groups.forEach((g, i) => {
      const members = file.reps.filter((r) => r.group === g.id);
      const wanted = groups[i] && members.length ? repsIn(groups[i]) : 0;
      for (let k = members.length; k < wanted; k++) {
        const copy = copyOf(members[k % members.length]!, k);
        configReps.push(copy);
        reps.push({ repId: copy.id, statusId, breakStatusId, group: i });
      }
    });
    return { config: { ...file, reps: configReps }, reps };
  };
}

/**
 * A copy of a rep for staffing above the file's: its own id and name (cut to fit the configuration's limits), and no
 * Connect user, which must be unique.
 */
function copyOf(rep: RepConfig, k: number): RepConfig {
  const { connectUserId: _unique, ...profile } = rep;
  return {
    ...profile,
    id: `${rep.id.slice(0, 52)}-copy-${k}`,
    name: `${(rep.name ?? rep.id).slice(0, 110)} (copy ${k})`,
  };
}

function bestSkills(members: readonly RepConfig[]): Record<string, number> {
  const best: Record<string, number> = {};
  for (const r of members)
    for (const [skill, level] of Object.entries(r.skills)) best[skill] = Math.max(best[skill] ?? 0, level);
  return best;
}
