import type { ContactCenterJson } from '../../lambdas/domain/config/schema';

export const DRILL_REPS = Array.from({ length: 10 }, (_, i) => `rep-${i + 1}`);

/**
 * The drills' center: ten reps taking two chats each, with 30 s of wrap-up, so every item needs its timers; an
 * overflow after 20 minutes, a timer past SQS's 15-minute delay, so every item also needs EventBridge Scheduler.
 * With Connect users, a voice queue beside them.
 */
export function drillCenter(connectUsers?: ReadonlyMap<string, string>): ContactCenterJson {
  const voice = connectUsers !== undefined;
  return {
    name: 'outage drill',
    channels: [
      { name: 'chat', realTime: true, wrapUpSeconds: 30 },
      ...(voice ? [{ name: 'voice', realTime: true, wrapUpSeconds: 0 }] : []),
    ],
    queues: [
      {
        id: 'chat-q',
        channel: 'chat',
        priority: 1,
        routingModel: 'LeastActive',
        pushTimeoutSeconds: 30,
        size: { units: 50 },
        overflow: { afterSeconds: 1200, toQueue: 'chat-overflow' },
      },
      ...(voice
        ? [
            {
              id: 'voice-q',
              channel: 'voice',
              priority: 1,
              routingModel: 'MostAvailable' as const,
              pushTimeoutSeconds: 20,
              size: { percentage: 100 },
            },
          ]
        : []),
      {
        id: 'chat-overflow',
        channel: 'chat',
        priority: 1,
        routingModel: 'LeastActive',
        pushTimeoutSeconds: 30,
        size: { units: 50 },
      },
    ],
    statuses: [{ id: 'available', name: 'Available', channels: voice ? ['chat', 'voice'] : ['chat'] }],
    presenceConfigs: [{ id: 'std', capacity: 100, autoAccept: false, allowDecline: true, declineReasons: [] }],
    groups: [{ id: 'g1', name: 'Chat', presenceConfig: 'std' }],
    reps: DRILL_REPS.map((id) => ({
      id,
      group: 'g1',
      queues: ['chat-q', 'chat-overflow', ...(voice ? ['voice-q'] : [])],
      ...(connectUsers?.get(id) ? { connectUserId: connectUsers.get(id) } : {}),
    })),
  };
}
