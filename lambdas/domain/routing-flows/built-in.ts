import { type RoutingFlowInput, registerRoutingFlow } from './registry';

/**
 * The flows shipped with the router. Contact centers add their own next to these (one file per flow,
 * registered at import) and name them, with a version, in the configuration's `routingFlows`.
 */

/** `attribute-queue@1`: the queue named by the item's `targetQueue` attribute (set by a CRM or an IVR). */
registerRoutingFlow('attribute-queue', 1, (input) => {
  const queueId = input.attributes.targetQueue;
  if (!queueId) throw new Error('attribute targetQueue is missing');
  return { kind: 'queue', queueId };
});

const hourIn = (now: number, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now));

/**
 * `business-hours@1`: inside opening hours (attributes `openHour`–`closeHour`, default 8–18, in `timeZone`,
 * default UTC) the item stays in its queue; outside, it goes to `afterHoursQueue`.
 */
registerRoutingFlow('business-hours', 1, (input: RoutingFlowInput) => {
  const a = input.attributes;
  const hour = hourIn(input.now, a.timeZone ?? 'UTC');
  const open = Number(a.openHour ?? 8);
  const close = Number(a.closeHour ?? 18);
  if (hour >= open && hour < close) return { kind: 'queue', queueId: input.queueId };
  if (!a.afterHoursQueue) throw new Error('attribute afterHoursQueue is missing');
  return { kind: 'queue', queueId: a.afterHoursQueue };
});

/** `vip@1`: gold customers (attribute `customerTier`) to skills routing on `vipSkill` (default `vip`) level 5+. */
registerRoutingFlow('vip', 1, (input) =>
  input.attributes.customerTier === 'gold'
    ? {
        kind: 'skills',
        queueId: input.queueId,
        requirements: [{ skill: input.attributes.vipSkill ?? 'vip', minLevel: 5 }],
      }
    : { kind: 'queue', queueId: input.queueId },
);
