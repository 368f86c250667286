import { loadConfiguration } from '../lambdas/domain/use-cases/configure';
import type { Router } from '../lambdas/domain/use-cases/router';
import { type BenchCenterShape, benchCenter, queueId, repId } from './center';
import type { RequestCounts } from './request-meter';
import { configStore, meter, newTable, OfferTimes, router, warmConfig } from './rig';

export const ROUTING_CENTER: BenchCenterShape = { groups: 6, repsPerGroup: 40, chatUnits: 10 };
/** Chats the routing center's reps can take at once (nothing the rig routes is ever accepted or completed). */
export const ROUTING_SLOTS =
  ROUTING_CENTER.groups * ROUTING_CENTER.repsPerGroup * Math.floor(100 / ROUTING_CENTER.chatUnits);
/**
 * A routing slice stops at this share of the slots. Offered chats hold their rep's capacity, so a slice that ran on
 * would measure a center filling up, and a faster machine would fill it further: at 86% routers' caches are often
 * behind on the last free reps, and at 98% an arrival cost 2.6 transactions (see nearFull).
 */
export const SLICE_OCCUPANCY = 0.6;

/** A fresh table with the routing center loaded and every rep logged in, and `routers` routers on it. */
export async function center(endpoint: string, routers: number, sink?: OfferTimes): Promise<Router[]> {
  const table = await newTable(endpoint);
  const all = Array.from({ length: routers }, (_, n) => router(endpoint, table, n, sink));
  await loadConfiguration(configStore(endpoint, table), benchCenter(ROUTING_CENTER));
  for (let g = 0; g < ROUTING_CENTER.groups; g++) {
    for (let i = 0; i < ROUTING_CENTER.repsPerGroup; i++)
      await all[0]!.logIn({ repId: repId(g, i), statusId: 'available' });
  }
  await Promise.all(all.map(warmConfig));
  return all;
}

const submission = (n: number, k: number) => ({
  channel: 'chat',
  source: `s-${n}-${k}`,
  queue: queueId((n + k) % ROUTING_CENTER.groups),
});

export interface RoutedResult {
  seconds: number;
  routed: number;
  requests: RequestCounts;
}

let sequence = 0;

/**
 * Arrivals submitted and routed to an offer (the create and the offer) by the center's concurrent routers,
 * for `durationMs`; called in slices alternating with the floor, so both see the same machine.
 */
export async function routed(all: Router[], durationMs: number, limit: number): Promise<RoutedResult> {
  meter.take();
  let offered = 0;
  let submitted = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    all.map(async (r, n) => {
      for (; performance.now() < deadline && submitted < limit; ) {
        submitted++;
        const out = await r.submitWork(submission(n, ++sequence));
        if (out.decision.routing?.kind === 'offered') offered++;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, routed: offered, requests: meter.take() };
}

export interface NearFullResult {
  /** The share of the center's slots taken when measuring starts, and when it stops. */
  readonly from: number;
  readonly to: number;
  readonly routedPerSecond: number;
  readonly transactionsPerRoutedItem: number;
  readonly requestsPerRoutedItem: number;
}

/**
 * Arrivals into a center already `from` full, until it is `to` full: where most reps have no room left, routers'
 * caches are most often behind, and racing routers converge on the few reps that have.
 */
export async function nearFull(endpoint: string, routers: number, from = 0.8, to = 0.95): Promise<NearFullResult> {
  const all = await center(endpoint, routers);
  await routed(all, Number.POSITIVE_INFINITY, Math.round(from * ROUTING_SLOTS));
  const r = await routed(all, Number.POSITIVE_INFINITY, Math.round((to - from) * ROUTING_SLOTS));
  return {
    from,
    to,
    routedPerSecond: r.routed / r.seconds,
    transactionsPerRoutedItem: (r.requests.byOperation.TransactWriteItems ?? 0) / r.routed,
    requestsPerRoutedItem: (r.requests.reads + r.requests.writes) / r.routed,
  };
}

/** Whole lives: submit → offer → accept → complete, by concurrent routers. */
export async function lifecycle(endpoint: string, routers: number, durationMs: number): Promise<number> {
  const all = await center(endpoint, routers);
  let completed = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    all.map(async (r, n) => {
      for (let k = 0; performance.now() < deadline; k++) {
        const { decision } = await r.submitWork(submission(n, k));
        if (decision.routing?.kind !== 'offered') continue;
        await r.accept({ itemId: decision.itemId, offerId: decision.routing.offerId });
        const done = await r.complete({ itemId: decision.itemId });
        if (done.decision.kind === 'completed') completed++;
      }
    }),
  );
  return completed / ((performance.now() - started) / 1000);
}

export interface LatencyResult {
  p50: number;
  p99: number;
  offered: number;
  arrivals: number;
}

/** Submit-to-offer latency under an open-loop arrival rate (arrivals do not wait for each other). */
export async function offerLatency(
  endpoint: string,
  routers: number,
  perSecond: number,
  count: number,
): Promise<LatencyResult> {
  const sink = new OfferTimes();
  const all = await center(endpoint, routers, sink);
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let k = 0; k < count; k++) {
    const due = started + (k * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const submittedAt = performance.now();
    pending.push(
      // Every group in turn (submission(k % routers, k) would send them all to even-numbered queues). An arrival
      // never offered counts as never: a percentile of the offered alone would hide the ones left waiting.
      all[k % routers]!.submitWork(submission(0, k)).then(({ decision }) => {
        const at = sink.offeredAt.get(decision.itemId);
        latencies.push(at === undefined ? Number.POSITIVE_INFINITY : at - submittedAt);
      }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  const offered = latencies.filter(Number.isFinite).length;
  return { p50: pct(0.5), p99: pct(0.99), offered, arrivals: count };
}
