import { outageDrill } from '../../scripts/drills/outage-drill';
import { endpoint } from '../support/harness';

/**
 * Outage drills, small (npm run drill:outage runs them at 2,000 items and two hours each): the deployed dispatcher
 * behind the deployed mapping's semantics, dependencies failing, then recovery and redrive. Nothing committed is
 * lost, nothing waits on a poison entry, and no item is left stuck.
 */
describe('outage drills: nothing lost when a dependency fails for a long time', () => {
  it('EventBridge and SQS down for 12 minutes, a poison entry mid-batch: all delivered after recovery', async () => {
    const r = await outageDrill({
      endpoint: endpoint(),
      items: 24,
      minutes: 20,
      poison: true,
      // A third of the items are calls through the local Amazon Connect.
      callEvery: 3,
      failures: [
        { what: 'eventBridge', fromMinute: 3, minutes: 12 },
        { what: 'sqs', fromMinute: 6, minutes: 12 },
      ],
    });
    expect(r.committedEvents).toBeGreaterThan(24 * 5);
    expect(r).toMatchObject({ items: 24, missingEvents: 0, unfiredTimers: 0, stuckItems: 0, failedBatches: 0 });
    expect(r.publishedEvents).toBe(r.committedEvents);
    expect(r.setAsidePeak).toBeGreaterThan(0);
    // Only the poison entry is left: no version can read it, and it is kept whole for an operator.
    expect(r.setAsideLeft).toEqual({ transient: 0, rejected: 0, unreadable: 1 });
    expect(r.toFailureDestination).toBe(0);
    // Every call was targeted while EventBridge was down (Connect calls never wait for the bus), and answered.
    expect(r.calls).toBe(8);
    expect(r.connectTargeted).toBeGreaterThanOrEqual(r.calls);
  });

  it('a dispatcher a version behind, the push channel and Scheduler down: all delivered once caught up', async () => {
    const r = await outageDrill({
      endpoint: endpoint(),
      items: 24,
      minutes: 20,
      failures: [
        { what: 'dispatcherBehind', fromMinute: 3, minutes: 6 },
        { what: 'apiGatewayManagement', fromMinute: 3, minutes: 12 },
        { what: 'scheduler', fromMinute: 6, minutes: 12 },
      ],
    });
    expect(r).toMatchObject({ items: 24, missingEvents: 0, unfiredTimers: 0, stuckItems: 0, failedBatches: 0 });
    expect(r.setAsideLeft).toEqual({ transient: 0, rejected: 0, unreadable: 0 });
    // Pushes are best effort: counted, never set aside, never holding up timers or events.
    expect(r.pushesFailed).toBeGreaterThan(0);
  });
});
