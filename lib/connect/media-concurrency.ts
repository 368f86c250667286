import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';

/**
 * Media concurrency per Connect channel from the router's configuration: one call (voice is 100% of capacity),
 * and as many chats as the group's capacity holds at the smallest chat size. Connect only delivers what the
 * router targets, so this is a ceiling, never the allocator.
 */
export function mediaConcurrencies(cc: ContactCenterConfig, presenceConfigId: string) {
  const capacity = cc.presenceConfigs.find((p) => p.id === presenceConfigId)?.capacity ?? 100;
  const chatSizes = cc.queues
    .filter((q) => q.channel === 'chat')
    .map((q) => ('units' in q.size ? q.size.units : Math.ceil((q.size.percentage / 100) * capacity)));
  const chats = chatSizes.length ? Math.min(10, Math.max(1, Math.floor(capacity / Math.min(...chatSizes)))) : 0;
  return [{ channel: 'VOICE', concurrency: 1 }, ...(chats ? [{ channel: 'CHAT', concurrency: chats }] : [])];
}

/** Connect's own hours never close a queue: opening hours are the router's business (routing flows). */
export const ALL_DAY_EVERY_DAY = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
  (day) => ({ day, startTime: { hours: 0, minutes: 0 }, endTime: { hours: 0, minutes: 0 } }),
);
