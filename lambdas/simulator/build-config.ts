import type { ContactCenterJson } from '../domain/config/schema';
import type { Scenario } from './scenario';

/** One rep of the simulation and the status it logs in with. */
export interface SimRep {
  readonly repId: string;
  readonly statusId?: string;
  /** The index of the scenario's rep group (inline, or the contact-center file's group) whose schedule it follows. */
  readonly group?: number;
  /** The status with no channels it takes for a break (default: the inline configuration's `busy`). */
  readonly breakStatusId?: string;
}

/** The reps a group needs: its count, or more where its staffing or its shifts ask for more. */
export const repsIn = (g: { count: number; staffing?: readonly number[]; shifts?: readonly { reps: number }[] }) =>
  Math.max(
    g.count,
    ...(g.staffing ?? []),
    (g.shifts ?? []).reduce((n, shift) => n + shift.reps, 0),
  );

/** Builds a contact-center configuration from a scenario's inline channels, queues and rep groups. */
export function configFromScenario(s: Scenario): { config: ContactCenterJson; reps: SimRep[] } {
  const groups = s.repGroups ?? [];
  const skills = new Set<string>();
  for (const g of groups) for (const k of Object.keys(g.skills)) skills.add(k);
  for (const a of s.arrivals) for (const r of a.skills ?? []) skills.add(r.skill);
  const reps: SimRep[] = [];
  const config: ContactCenterJson = {
    name: s.name,
    interruptibleCapacityEnabled: (s.channels ?? []).some((c) => c.interruptible),
    channels: (s.channels ?? []).map((c) => ({ ...c, wrapUpSeconds: c.wrapUpSeconds ?? 0 })),
    queues: s.queues ?? [],
    skills: [...skills].map((id) => ({ id })),
    statuses: [
      ...groups.map((g, i) => ({
        id: `status-${i + 1}`,
        name: `Available (${g.status.join(', ')})`,
        channels: g.status,
      })),
      { id: 'busy', name: 'Busy', channels: [] },
    ],
    presenceConfigs: groups.map((g, i) => ({
      id: `presence-${i + 1}`,
      capacity: g.capacity,
      interruptibleCapacity: g.interruptibleCapacity,
      autoAccept: g.autoAccept,
      allowDecline: g.allowDecline,
    })),
    groups: groups.map((g, i) => ({
      id: `group-${i + 1}`,
      name: g.name ?? `Group ${i + 1}`,
      presenceConfig: `presence-${i + 1}`,
    })),
    reps: groups.flatMap((g, i) =>
      Array.from({ length: repsIn(g) }, (_, k) => {
        const repId = `g${i + 1}-rep-${String(k + 1).padStart(3, '0')}`;
        reps.push({ repId, statusId: `status-${i + 1}`, group: i });
        return { id: repId, group: `group-${i + 1}`, queues: g.queues, skills: g.skills };
      }),
    ),
  };
  return { config, reps };
}
