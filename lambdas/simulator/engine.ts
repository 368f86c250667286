import { EventLog, ManualClock, TimerQueue } from '../adapters/local/in-process';
import { CompiledConfig } from '../domain/config/compiled-config';
import { InvalidInputError } from '../domain/errors';
import { loadConfiguration } from '../domain/use-cases/configure';
import type { SimRep } from './build-config';
import { EventQueue, paceLive, paceTo } from './event-queue';
import { sample, seededRandom } from './random';
import type { Arrival, Scenario } from './scenario';
import type { SimulationOptions } from './simulation-options';
import { simulationReport } from './simulation-report';
import { Statistics } from './statistics';
import { type SimulationStore, simulatedRouter } from './stores';

export type { LiveOptions, Progress, SimulationOptions } from './simulation-options';

type SimEvent =
  | { kind: 'arrival'; stream: number }
  | { kind: 'answer'; itemId: string; offerId: string; decline: boolean; reason?: string }
  | { kind: 'finish'; itemId: string }
  | { kind: 'abandon'; itemId: string }
  | { kind: 'dialOutcome'; itemId: string; outcome: 'answered' | 'noAnswer' | 'busy' };

export const START = Date.UTC(2026, 0, 5, 8, 0, 0);

/**
 * A discrete-event simulation that drives the same Router the Lambda handlers call, with a virtual clock,
 * the router's own timers, Poisson arrivals, and reps who answer, decline and finish work.
 */
export async function simulate(
  scenario: Scenario,
  configJson: unknown,
  reps: readonly SimRep[],
  sim: SimulationStore,
  options: SimulationOptions = {},
) {
  const wallStart = Date.now();
  const live = options.live;
  // Live, virtual time is wall time: desktops count offers down against their own clocks.
  const start = live ? wallStart : START;
  const random = seededRandom(scenario.seed);
  const clock = new ManualClock(start);
  const events = new EventLog();
  const timers = new TimerQueue();
  const config = new CompiledConfig(await loadConfiguration(sim.configs, configJson));
  const { desktops, commandCenter } = options;
  const { router, deliver } = simulatedRouter(sim, { clock, events, timers, desktops, commandCenter });
  const end = live ? Number.POSITIVE_INFINITY : START + scenario.durationMinutes * 60_000;
  const human = (repId: string) => live?.humanReps.has(repId) === true;
  const stats = new Statistics(
    start + scenario.warmupMinutes * 60_000,
    scenario.serviceLevelSeconds * 1000,
    new Map([...config.reps.values()].map((r) => [r.id, r.presence.capacity])),
    config.raw.queues.map((q) => q.id),
  );
  const queue = new EventQueue<SimEvent>();
  const streamOf = new Map<string, Arrival>();
  const submitted: string[] = [];
  let routed = 0;
  let waiting = 0;
  const behavior = scenario.repBehavior;

  events.onEvent((e) => {
    stats.onEvent(e);
    options.onEvent?.(e, clock.now());
    if (e.type === 'work.queued') waiting++;
    if (e.type === 'offer.created') {
      routed++;
      waiting--;
      if (human(e.repId)) return;
      // Every offer gets an answer; for one the router auto-accepted, the answer finds it assigned and changes nothing.
      const answerAt = clock.now() + (behavior ? sample(behavior.answerSeconds, random) * 1000 : 0);
      const decline = e.declinable && behavior !== undefined && random() < behavior.declineProbability;
      // A rep who declines gives one of the reasons their presence configuration offers, as a desktop would.
      const reasons = config.rep(e.repId).presence.declineReasons;
      const reason = reasons.length ? reasons[Math.floor(random() * reasons.length)] : undefined;
      queue.push(answerAt, { kind: 'answer', itemId: e.itemId, offerId: e.offerId, decline, reason });
    }
    if (e.type === 'work.canceled' && e.repId === undefined) waiting--;
    // A callback's work starts when the customer answers the dial, not when the rep accepts.
    if (e.type === 'work.assigned' && !human(e.repId) && !streamOf.get(e.itemId)?.callback) finishLater(e.itemId);
    if (e.type === 'callback.dialed') {
      const c = streamOf.get(e.itemId)?.callback;
      if (!c) return;
      const roll = random();
      const outcome =
        roll < c.answerProbability ? 'answered' : roll < c.answerProbability + c.busyProbability ? 'busy' : 'noAnswer';
      queue.push(clock.now() + sample(c.ringSeconds, random) * 1000, {
        kind: 'dialOutcome',
        itemId: e.itemId,
        outcome,
      });
    }
  });

  function finishLater(itemId: string): void {
    const stream = streamOf.get(itemId);
    queue.push(clock.now() + (stream ? sample(stream.handleSeconds, random) * 1000 : 0), { kind: 'finish', itemId });
  }

  const nextArrival = (stream: number, from: number) =>
    queue.push(from - Math.log(1 - random()) * (3_600_000 / scenario.arrivals[stream]!.perHour), {
      kind: 'arrival',
      stream,
    });
  for (const i of scenario.arrivals.keys()) nextArrival(i, start);
  for (const rep of reps) if (!human(rep.repId)) await router.logIn({ repId: rep.repId, statusId: rep.statusId });
  await deliver();
  options.onReady?.(router);

  let lastProgress = 0;
  for (;;) {
    const nextEvent = queue.peekTime();
    const nextTimer = timers.nextDueAt();
    const at = Math.min(nextEvent ?? Infinity, nextTimer ?? Infinity);
    if (live) {
      // Short slices, so people's commands (delivered here) and the timers they start are never long overdue.
      if (live.stop.aborted) break;
      const due = await paceLive(clock, at);
      await deliver();
      if (!due) continue;
    } else if (at === Infinity || at > end) break;
    if (options.speed && !live) await paceTo(wallStart, at - START, options.speed);
    clock.set(Math.max(clock.now(), at));
    if (nextTimer !== undefined && nextTimer <= at) {
      for (const t of timers.takeDue(clock.now())) {
        await router.fireTimer(t);
        await deliver();
      }
    } else {
      await handle(queue.pop()!.value);
      await deliver();
    }
    if (options.onProgress && Date.now() - lastProgress > 200) {
      lastProgress = Date.now();
      options.onProgress({ virtualSeconds: (clock.now() - start) / 1000, routed, waiting, arrived: submitted.length });
    }
  }

  async function handle(ev: SimEvent): Promise<void> {
    const now = clock.now();
    switch (ev.kind) {
      case 'arrival': {
        const a = scenario.arrivals[ev.stream]!;
        nextArrival(ev.stream, now);
        const q = config.queue(a.queue);
        const source = `sim-${submitted.length + 1}`;
        if (a.callback) {
          const at = now + sample(a.callback.delaySeconds, random) * 1000;
          const r = await router.requestCallback({
            source,
            queue: a.queue,
            phoneNumber: '+15550100000',
            at: Math.round(at),
          });
          submitted.push(r.decision.itemId);
          streamOf.set(r.decision.itemId, a);
          return;
        }
        const preferred = a.preferredRep ? { preferredRep: a.preferredRep } : {};
        const r = await router.submitWork({
          channel: q.channel,
          source,
          queue: a.queue,
          skills: a.skills,
          priority: a.priority,
          size: a.size,
          ...preferred,
        });
        submitted.push(r.decision.itemId);
        streamOf.set(r.decision.itemId, a);
        if (a.patienceSeconds)
          queue.push(now + sample(a.patienceSeconds, random) * 1000, { kind: 'abandon', itemId: r.decision.itemId });
        return;
      }
      case 'answer':
        // A rep whose presence configuration forbids declining accepts instead (the router refuses the decline).
        if (
          !ev.decline ||
          !(await router
            .decline({ itemId: ev.itemId, offerId: ev.offerId, reason: ev.reason })
            .then(() => true, refused))
        ) {
          await router.accept({ itemId: ev.itemId, offerId: ev.offerId });
        }
        return;
      case 'finish':
        await router.complete({ itemId: ev.itemId });
        return;
      case 'abandon':
        await router.cancel({ itemId: ev.itemId, reason: 'abandoned' });
        return;
      case 'dialOutcome':
        if ((await router.recordDialOutcome({ itemId: ev.itemId, outcome: ev.outcome })).decision.kind === 'connected')
          finishLater(ev.itemId);
        return;
    }
  }

  const ended = live ? clock.now() : end;
  return simulationReport({ scenario, config, stats, sim, submitted, events: events.events, end: ended, wallStart });
}

export type Report = Awaited<ReturnType<typeof simulate>>;

function refused(e: unknown): false {
  if (!(e instanceof InvalidInputError)) throw e;
  return false;
}
