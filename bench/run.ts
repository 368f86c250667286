import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDynamoLocal } from '../lambdas/adapters/local/dynamodb-local';
import { bundleCosts } from './bundles';
import { pinCores } from './cores';
import { floorTransactions } from './floor';
import { voiceUnderQuota } from './pacing';
import { printTable } from './report';
import { emptyCounts, type RequestCounts } from './request-meter';
import { newTable, round } from './rig';
import { type DecisionCost, decisionCost, type ScaleResult, type ScaleShape } from './scale';
import {
  center,
  lifecycle,
  nearFull,
  offerLatency,
  ROUTING_CENTER,
  ROUTING_SLOTS,
  routed,
  SLICE_OCCUPANCY,
} from './throughput';

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
/** One big routing profile: every rep in one group serving one queue. */
const ONE_GROUP = [100, 2_000, 10_000];

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

/** Process CPU time (user + system, every thread) spent in `run`, in ms. */
async function withCpu<T>(run: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(before);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}

/** The floors and routing, alternating in slices: this machine's speed drifts, and ratios must compare like with like. */
async function throughput(endpoint: string) {
  const floorTable = await newTable(endpoint);
  const t = { floor: 0, floorSeconds: 0, floorCpu: 0, shaped: 0, shapedSeconds: 0, routed: 0, seconds: 0, cpu: 0 };
  const requests: RequestCounts = emptyCounts();
  for (let slice = 0; slice < SLICES; slice++) {
    const f = await withCpu(() => floorTransactions(endpoint, floorTable, ROUTERS, PHASE_MS / SLICES));
    t.floor += f.result.done;
    t.floorSeconds += f.result.seconds;
    t.floorCpu += f.cpuMs;
    const shaped = await floorTransactions(endpoint, floorTable, ROUTERS, PHASE_MS / SLICES, 'arrival');
    t.shaped += shaped.done;
    t.shapedSeconds += shaped.seconds;
    // Every slice routes into an empty center, and stops at SLICE_OCCUPANCY of it: the same work on any machine.
    const routers = await center(endpoint, ROUTERS);
    const s = await withCpu(() => routed(routers, PHASE_MS / SLICES, Math.round(SLICE_OCCUPANCY * ROUTING_SLOTS)));
    t.routed += s.result.routed;
    t.seconds += s.result.seconds;
    t.cpu += s.cpuMs;
    for (const k of ['reads', 'writes', 'readUnits', 'writeUnits'] as const) requests[k] += s.result.requests[k];
    for (const [op, n] of Object.entries(s.result.requests.byOperation))
      requests.byOperation[op] = (requests.byOperation[op] ?? 0) + n;
  }
  return { ...t, requests };
}

async function oneGroupScale(endpoint: string) {
  const sizes: Record<string, ScaleResult> = {};
  for (const reps of ONE_GROUP) {
    console.error(`bench: one group of ${reps} reps…`);
    sizes[`reps${reps}`] = await decisionCost(
      endpoint,
      { groups: 1, repsPerGroup: reps, chatUnits: 100, waiting: 100 },
      SAMPLES,
    );
  }
  const [low, high] = [sizes[`reps${ONE_GROUP[0]}`]!, sizes[`reps${ONE_GROUP.at(-1)}`]!];
  const ratio = (pick: (c: DecisionCost) => number) =>
    round(Math.max(pick(high.push) / pick(low.push), pick(high.pull) / pick(low.pull)), 2);
  return { ...sizes, timeRatio: ratio((c) => c.ms), readUnitRatio: ratio((c) => c.readUnits) };
}

async function main(): Promise<void> {
  // Cold loads first, with nothing else running: a load takes about 100 ms, and the machine just after minutes of
  // DynamoDB Local at full tilt (its JVM still collecting) adds tens of milliseconds of noise to it.
  console.error('bench: bundles…');
  const bundles = await bundleCosts();
  const local = await startDynamoLocal();
  const cores = pinCores(local.process.pid);
  try {
    const step = (what: string) => console.error(`bench: ${what}…`);
    step(
      `floor and routing, alternating${cores ? ` (DynamoDB Local on cores ${cores.dynamodb}, bench on ${cores.bench})` : ''}`,
    );
    const t = await throughput(local.endpoint);
    const floor = t.floor / t.floorSeconds;
    const routedPerSecond = t.routed / t.seconds;
    step('lifecycle');
    const life = await lifecycle(local.endpoint, ROUTERS, PHASE_MS);
    step('routing from 80% to 95% full');
    const full = await nearFull(local.endpoint, ROUTERS);
    step('latency');
    const latency = await offerLatency(local.endpoint, ROUTERS, 50, quick ? 150 : 500);
    const latency150 = await offerLatency(local.endpoint, ROUTERS, 150, quick ? 450 : 1_500);
    const routingRss = peakRss;
    step(`scale ${SMALL.repsPerGroup * SMALL.groups} reps`);
    const small = await decisionCost(local.endpoint, SMALL, SAMPLES);
    step(`scale ${LARGE.repsPerGroup * LARGE.groups} reps, ${LARGE.waiting} waiting`);
    const large = await decisionCost(local.endpoint, LARGE, SAMPLES);
    const one = await oneGroupScale(local.endpoint);
    step('voice at 40 arrivals/s against a 20/s Connect quota');
    const voice = await voiceUnderQuota(local.endpoint, 40, quick ? 3 : 10, 20);
    const perItem = { reads: t.requests.reads / t.routed, writes: t.requests.writes / t.routed };
    const units = { read: t.requests.readUnits / t.routed, write: t.requests.writeUnits / t.routed };
    const worse = (a: number, b: number) => Math.max(a, b);
    const results = {
      at: new Date().toISOString(),
      quick,
      cores,
      routers: ROUTERS,
      reps: ROUTING_CENTER.groups * ROUTING_CENTER.repsPerGroup,
      floorTransactionsPerSecond: round(floor),
      routedPerSecond: round(routedPerSecond),
      routingToFloorRatio: round(routedPerSecond / floor, 2),
      arrivalWriteFloorPerSecond: round(t.shaped / t.shapedSeconds),
      routingToArrivalWriteFloorRatio: round(routedPerSecond / (t.shaped / t.shapedSeconds), 2),
      transactionsPerRoutedItem: round((t.requests.byOperation.TransactWriteItems ?? 0) / t.routed, 2),
      routerCpuMsPerRoutedItem: round(t.cpu / t.routed, 2),
      floorCpuMsPerTransaction: round(t.floorCpu / t.floor, 2),
      lifecyclePerSecond: round(life),
      routingOccupancy: { from: 0, to: SLICE_OCCUPANCY },
      nearFull: {
        from: full.from,
        to: full.to,
        routedPerSecond: round(full.routedPerSecond),
        transactionsPerRoutedItem: round(full.transactionsPerRoutedItem, 2),
        requestsPerRoutedItem: round(full.requestsPerRoutedItem, 2),
      },
      requestsPerRoutedItem: round(perItem.reads + perItem.writes, 2),
      requestsPerRoutedItemByKind: {
        reads: round(perItem.reads, 2),
        writes: round(perItem.writes, 2),
        byOperation: t.requests.byOperation,
      },
      capacityUnitsPerRoutedItem: { read: round(units.read, 2), write: round(units.write, 2) },
      costPerMillionRoutedUsd: round(units.read * READ_UNIT_PRICE + units.write * WRITE_UNIT_PRICE, 2),
      scaleTimeRatio: round(worse(large.pull.ms / small.pull.ms, large.push.ms / small.push.ms), 2),
      scaleRequestRatio: round(
        worse(large.pull.requests / small.pull.requests, large.push.requests / small.push.requests),
        2,
      ),
      scale: { small: { shape: SMALL, ...small }, large: { shape: LARGE, ...large } },
      oneGroupScale: one,
      offerLatencyP50Ms: round(latency.p50),
      offerLatencyP99Ms: round(latency.p99),
      latency,
      offerLatencyP99MsAt150: round(latency150.p99),
      latencyAt150: latency150,
      voiceUnderQuota: voice,
      bundles,
      bundleLoadMsMax: Math.max(...Object.values(bundles).map((b) => b.loadMs)),
      bundleLoadMsMaxWithNodeSourceMaps: Math.max(...Object.values(bundles).map((b) => b.loadMsWithNodeSourceMaps)),
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

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
