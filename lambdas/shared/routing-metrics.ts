import { metrics } from './powertools';

/** The routing health the dashboard shows, counted once per committed entry as it is delivered. */
const HEALTH: Readonly<Record<string, string>> = {
  'work.queued': 'Queued',
  'offer.created': 'Offers',
  'offer.accepted': 'Accepts',
  'offer.declined': 'Declines',
  'offer.timedOut': 'OfferTimeouts',
};
export const countRouting = (events: readonly { readonly type: string }[]) => {
  for (const e of events) if (HEALTH[e.type]) metrics.addMetric(HEALTH[e.type]!, 'Count', 1);
};
