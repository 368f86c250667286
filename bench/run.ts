import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDynamoLocal } from '../lambdas/adapters/local/dynamodb-local';
import { floorTransactions } from './floor';
import { emptyCounts, type RequestCounts } from './request-meter';
import { newTable, round } from './rig';
import { decisionCost, type ScaleShape } from './scale';
import { center, lifecycle, offerLatency, ROUTING_CENTER, routed } from './throughput';

/** On-demand prices, us-east-1, per million request units (after the November 2024 reduction). */
const WRITE_UNIT_PRICE = 0.625;
const READ_UNIT_PRICE = 0.125;

const quick = process.argv.includes('--quick');
const ROUTERS = 8;
/** Routing decisions measured per scale; half the small center's reps pull, the other half are pushed to. */
const SAMPLES = 50;
const PHASE_MS = quick ? 4_000 : 12_000;
/** Floor and routing alternate this many times. */
const SLICES = 4;
const SMALL: ScaleShape = { groups: 1, repsPerGroup: 100, chatUnits: 100, waiting: 100 };
const LARGE: ScaleShape = quick
  ? { groups: 10, repsPerGroup: 100, chatUnits: 100, waiting: 10_000 }
  : { groups: 100, repsPerGroup: 100, chatUnits: 100, waiting: 100_000 };

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function main(): Promise<void> {
  const local = await startDynamoLocal();
  try {
    const step = (what: string) => console.error(`bench: ${what}…`);
    // The floor and routing alternate in slices: this machine's speed drifts, and the ratio must compare like
    // with like.
    step('floor and routing, alternating');
    const floorTable = await newTable(local.endpoint);
    const routers = await center(local.endpoint, ROUTERS);
    let floorDone = 0;
    let floorSeconds = 0;
    let shapedDone = 0;
    let shapedSeconds = 0;
    let routedCount = 0;
    let routedSeconds = 0;
    const requests: RequestCounts = emptyCounts();
    for (let slice = 0; slice < SLICES; slice++) {
      const f = await floorTransactions(local.endpoint, floorTable, ROUTERS, PHASE_MS / SLICES);
      floorDone += f.done;
      floorSeconds += f.seconds;
      const shaped = await floorTransactions(local.endpoint, floorTable, ROUTERS, PHASE_MS / SLICES, 'arrival');
      shapedDone += shaped.done;
      shapedSeconds += shaped.seconds;
      const s = await routed(routers, PHASE_MS / SLICES, 2_000);
      routedCount += s.routed;
      routedSeconds += s.seconds;
      for (const k of ['reads', 'writes', 'readUnits', 'writeUnits'] as const) requests[k] += s.requests[k];
      for (const [op, n] of Object.entries(s.requests.byOperation))
        requests.byOperation[op] = (requests.byOperation[op] ?? 0) + n;
    }
    const floor = floorDone / floorSeconds;
    const arrivalFloor = shapedDone / shapedSeconds;
    const r = { routedPerSecond: routedCount / routedSeconds, routed: routedCount, requests };
    step('lifecycle');
    const life = await lifecycle(local.endpoint, ROUTERS, PHASE_MS);
    step('latency');
    const latency = await offerLatency(local.endpoint, ROUTERS, 50, quick ? 150 : 500);
    const routingRss = peakRss;
    step(`scale ${SMALL.repsPerGroup * SMALL.groups} reps`);
    const small = await decisionCost(local.endpoint, SMALL, SAMPLES);
    step(`scale ${LARGE.repsPerGroup * LARGE.groups} reps, ${LARGE.waiting} waiting`);
    const large = await decisionCost(local.endpoint, LARGE, SAMPLES);
    const perItem = { reads: r.requests.reads / r.routed, writes: r.requests.writes / r.routed };
    const units = { read: r.requests.readUnits / r.routed, write: r.requests.writeUnits / r.routed };
    const worse = (a: number, b: number) => Math.max(a, b);
    const results = {
      at: new Date().toISOString(),
      quick,
      routers: ROUTERS,
      reps: ROUTING_CENTER.groups * ROUTING_CENTER.repsPerGroup,
      floorTransactionsPerSecond: round(floor),
      routedPerSecond: round(r.routedPerSecond),
      routingToFloorRatio: round(r.routedPerSecond / floor, 2),
      arrivalWriteFloorPerSecond: round(arrivalFloor),
      routingToArrivalWriteFloorRatio: round(r.routedPerSecond / arrivalFloor, 2),
      lifecyclePerSecond: round(life),
      requestsPerRoutedItem: round(perItem.reads + perItem.writes, 2),
      requestsPerRoutedItemByKind: {
        reads: round(perItem.reads, 2),
        writes: round(perItem.writes, 2),
        byOperation: r.requests.byOperation,
      },
      capacityUnitsPerRoutedItem: { read: round(units.read, 2), write: round(units.write, 2) },
      costPerMillionRoutedUsd: round(units.read * READ_UNIT_PRICE + units.write * WRITE_UNIT_PRICE, 2),
      scaleTimeRatio: round(worse(large.pull.ms / small.pull.ms, large.push.ms / small.push.ms), 2),
      scaleRequestRatio: round(
        worse(large.pull.requests / small.pull.requests, large.push.requests / small.push.requests),
        2,
      ),
      scale: { small: { shape: SMALL, ...small }, large: { shape: LARGE, ...large } },
      offerLatencyP50Ms: round(latency.p50),
      offerLatencyP99Ms: round(latency.p99),
      latency,
      peakRssMb: round(routingRss / 2 ** 20),
      peakRssMbWithScaleSetup: round(peakRss / 2 ** 20),
    };
    writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
  } finally {
    clearInterval(sampler);
    await local.stop();
  }
}

function printTable(r: Record<string, unknown>): void {
  const rows: [string, unknown, string][] = [
    ['floorTransactionsPerSecond', r.floorTransactionsPerSecond, 'raw 2-item TransactWriteItems/s, 8 clients'],
    ['routedPerSecond', r.routedPerSecond, `arrivals submitted and offered/s, ${r.reps} reps, 8 routers`],
    ['routingToFloorRatio', r.routingToFloorRatio, 'goal >= 0.8'],
    [
      'arrivalWriteFloorPerSecond',
      r.arrivalWriteFloorPerSecond,
      'the writes an arrival must make (item, source, rep), no routing',
    ],
    ['routingToArrivalWriteFloorRatio', r.routingToArrivalWriteFloorRatio, 'routing against that floor'],
    ['lifecyclePerSecond', r.lifecyclePerSecond, 'submit -> offer -> accept -> complete /s'],
    ['requestsPerRoutedItem', r.requestsPerRoutedItem, 'DynamoDB requests, counted by middleware'],
    ['costPerMillionRoutedUsd', r.costPerMillionRoutedUsd, 'on-demand, table units as reported'],
    ['scaleTimeRatio', r.scaleTimeRatio, 'per decision, 10,000 reps/100,000 waiting vs 100/100 (goal <= 2)'],
    ['scaleRequestRatio', r.scaleRequestRatio, 'same, requests (goal 1)'],
    ['offerLatencyP50Ms', r.offerLatencyP50Ms, 'submit -> offer event, 50 arrivals/s'],
    ['offerLatencyP99Ms', r.offerLatencyP99Ms, ''],
    ['peakRssMb', r.peakRssMb, 'router process while routing (DynamoDB Local is a separate process)'],
    ['peakRssMbWithScaleSetup', r.peakRssMbWithScaleSetup, 'including building 100,000 rows for the scale setup'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v, note] of rows) console.log(`${k.padEnd(width)}  ${String(v).padStart(9)}  ${note}`);
  console.log(`\nwritten: bench/results.json${r.quick ? ' (quick run)' : ''}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
