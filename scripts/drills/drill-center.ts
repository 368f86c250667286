import type { ContactCenterJson } from '../../lambdas/domain/config/schema';

/**
 * The drills' center: ten reps taking two chats each, with 30 s of wrap-up, so every item needs its timers; an
 * overflow after 20 minutes, a timer past SQS's 15-minute delay, so every item also needs EventBridge Scheduler.
 */
export function drillCenter(): ContactCenterJson {
  return {
    name: 'outage drill',
    channels: [{ name: 'chat', realTime: true, wrapUpSeconds: 30 }],
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
      {
        id: 'chat-overflow',
        channel: 'chat',
        priority: 1,
        routingModel: 'LeastActive',
        pushTimeoutSeconds: 30,
        size: { units: 50 },
      },
    ],
    statuses: [{ id: 'available', name: 'Available', channels: ['chat'] }],
    presenceConfigs: [{ id: 'std', capacity: 100, autoAccept: false, allowDecline: true, declineReasons: [] }],
    groups: [{ id: 'g1', name: 'Chat', presenceConfig: 'std' }],
    reps: Array.from({ length: 10 }, (_, i) => ({
      id: `rep-${i + 1}`,
      group: 'g1',
      queues: ['chat-q', 'chat-overflow'],
    })),
  };
}
