/**
 * Outage drills (issue #33): each dependency of the outbox failing for two hours of virtual time while items are
 * routed and completed (a quarter of them calls through the local Amazon Connect), a poison entry mid-batch, and a
 * dispatcher a version behind its writers. Prints the counts of what was committed and what was delivered, and the
 * Connect calls made. Not part of `npm test` (about ten minutes a drill on 2 cores).
 *   npm run drill:outage -- [items] [which]   (default 2000, all; `which` picks drills by number: 1,2,3)
 */
import { startDynamoLocal } from '../lambdas/adapters/local/dynamodb-local';
import { type DrillOptions, outageDrill } from './drills/outage-drill';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

async function main(): Promise<void> {
  const items = Number(process.argv[2] ?? 2000);
  const which = process.argv[3]?.split(',').map(Number);
  const local = await startDynamoLocal();
  const drills: Array<[string, Omit<DrillOptions, 'endpoint' | 'items' | 'minutes'>]> = [
    ['EventBridge down 2 h', { failures: [{ what: 'eventBridge', fromMinute: 60, minutes: 120 }] }],
    ['API Gateway management down 2 h', { failures: [{ what: 'apiGatewayManagement', fromMinute: 60, minutes: 120 }] }],
    ['SQS down 2 h', { failures: [{ what: 'sqs', fromMinute: 60, minutes: 120 }] }],
    ['Scheduler down 2 h', { failures: [{ what: 'scheduler', fromMinute: 60, minutes: 120 }] }],
    ['a poison entry mid-batch', { poison: true }],
    ['dispatcher one version behind', { failures: [{ what: 'dispatcherBehind', fromMinute: 60, minutes: 60 }] }],
  ];
  let failed = 0;
  try {
    for (const [k, [name, drill]] of drills.entries()) {
      if (which && !which.includes(k + 1)) continue;
      // A quarter of the items are calls through the local Amazon Connect.
      const r = await outageDrill({ endpoint: local.endpoint, items, minutes: 300, callEvery: 4, ...drill });
      const ok =
        r.missingEvents === 0 &&
        r.unfiredTimers === 0 &&
        r.stuckItems === 0 &&
        r.failedBatches === 0 &&
        r.connectTargeted >= r.calls;
      if (!ok) failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${JSON.stringify(r)}`);
    }
  } finally {
    await local.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
