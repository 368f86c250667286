import { loadConfiguration } from '../lambdas/domain/use-cases/configure';
import type { Router } from '../lambdas/domain/use-cases/router';
import { type BenchCenterShape, benchCenter, queueId, repId } from './center';
import type { RequestCounts } from './request-meter';
import { configStore, meter, newTable, OfferTimes, router, warmConfig } from './rig';

export const ROUTING_CENTER: BenchCenterShape = { groups: 6, repsPerGroup: 40, chatUnits: 10 };

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
      all[k % routers]!.submitWork(submission(k % routers, k)).then(({ decision }) => {
        const at = sink.offeredAt.get(decision.itemId);
        if (at !== undefined) latencies.push(at - submittedAt);
      }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return { p50: pct(0.5), p99: pct(0.99), offered: latencies.length, arrivals: count };
}
