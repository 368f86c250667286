import type { ContactCenterJson } from '../lambdas/domain/config/schema';

export interface BenchCenterShape {
  readonly groups: number;
  readonly repsPerGroup: number;
  /** Units each chat takes of a rep's 100. */
  readonly chatUnits: number;
}

export const groupId = (g: number) => `g${g}`;
export const queueId = (g: number) => `chat-${g}`;
export const repId = (g: number, i: number) => `rep-${g}-${String(i).padStart(4, '0')}`;

/**
 * A chat center of `groups` routing-profile groups, each serving its own queue. Queues take queue-routed work
 * only (skillsRouting false), as most queues of a large center do.
 */
export function benchCenter(shape: BenchCenterShape): ContactCenterJson {
  const groups = Array.from({ length: shape.groups }, (_, g) => g);
  return {
    name: `bench ${shape.groups}x${shape.repsPerGroup}`,
    interruptibleCapacityEnabled: false,
    channels: [{ name: 'chat', realTime: true, wrapUpSeconds: 0 }],
    queues: groups.map((g) => ({
      id: queueId(g),
      channel: 'chat',
      priority: 1,
      routingModel: 'MostAvailable' as const,
      pushTimeoutSeconds: 120,
      size: { units: shape.chatUnits },
      skillsRouting: false,
    })),
    skills: [{ id: 'english' }],
    statuses: [
      { id: 'available', name: 'Available', channels: ['chat'] },
      { id: 'busy', name: 'Busy', channels: [] },
    ],
    presenceConfigs: [{ id: 'std', capacity: 100, autoAccept: false, allowDecline: true, declineReasons: [] }],
    groups: groups.map((g) => ({ id: groupId(g), name: `Group ${g}`, presenceConfig: 'std' })),
    reps: groups.flatMap((g) =>
      Array.from({ length: shape.repsPerGroup }, (_, i) => ({
        id: repId(g, i),
        group: groupId(g),
        queues: [queueId(g)],
        skills: { english: 5 },
      })),
    ),
  };
}
