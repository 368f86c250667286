import { EventLog, ManualClock, TimerQueue } from '../adapters/local/in-process';
import { CompiledConfig } from '../domain/config/compiled-config';
import { InvalidInputError } from '../domain/errors';
import { loadConfiguration } from '../domain/use-cases/configure';
import { submitArrival } from './arrivals';
import type { SimRep } from './build-config';
import { EventQueue, paceLive, paceTo } from './event-queue';
import { measuresFor } from './measures';
import { planningDay } from './planning/day';
import { carryOut, type PresenceStep, presencePlan } from './planning/presence-plan';
import { Traffic } from './planning/traffic';
import { sample, seededRandom } from './random';
import { reactAsReps, type SimEvent } from './rep-reactions';
import type { Arrival, Distribution, Scenario } from './scenario';
import type { SimulationOptions } from './simulation-options';
import { simulationReport } from './simulation-report';
import { type SimulationStore, simulatedRouter } from './stores';
import { EmulatedVoice } from './voice/emulated-voice';

export type { LiveOptions, Progress, SimulationOptions } from './simulation-options';

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
  const day = { ...planningDay(scenario), ...(live ? { start: wallStart } : {}) };
  const start = day.start;
  const random = seededRandom(scenario.seed);
  const clock = new ManualClock(start);
  const events = new EventLog();
  const timers = new TimerQueue();
  // Voice through the Connect emulator: every rep gets a Connect user, and calls go through Connect's events.
  const voice = options.connect ? await EmulatedVoice.start(configJson, clock, random) : undefined;
  const config = new CompiledConfig(await loadConfiguration(sim.configs, voice?.config ?? configJson));
  const { desktops, commandCenter } = options;
  const ports = { clock, events, timers, desktops, commandCenter, telephony: voice?.telephony };
  const { router, deliver: drain } = simulatedRouter(sim, ports);
  voice?.wire(router, sim.store);
  if (live) await voice?.ringFor([...live.humanReps]);
  // What the dispatcher's Connect calls set off comes back as events, whose handlers commit more follow-ups.
  const deliver = async () => {
    do await drain();
    while (voice && (await voice.settle()));
  };
  const end = live ? Number.POSITIVE_INFINITY : start + scenario.durationMinutes * 60_000;
  const human = (repId: string) => live?.humanReps.has(repId) === true;
  const traffic = new Traffic(scenario, day, random, end);
  const measures = measuresFor(scenario, config, day);
  const { stats } = measures;
  const queue = new EventQueue<SimEvent>();
  const streamOf = new Map<string, Arrival>();
  const handleOf = new Map<string, Distribution>();
  const submitted: string[] = [];
  let routed = 0;
  let waiting = 0;
  const behavior = scenario.repBehavior;

  const reactions = { clock, queue, random, behavior, config, voice, human, streamOf, finishLater };
  events.onEvent((e) => {
    stats.onEvent(e);
    voice?.ledger.onEvent(e);
    options.onEvent?.(e, clock.now());
    if (e.type === 'work.queued') waiting++;
    if (e.type === 'offer.created') {
      routed++;
      waiting--;
    }
    if (e.type === 'work.canceled' && e.repId === undefined) waiting--;
    reactAsReps(reactions, e);
  });

  function finishLater(itemId: string, repId?: string): void {
    const handle = handleOf.get(itemId);
    const at = clock.now() + (handle ? sample(handle, random) * 1000 : 0);
    // A call through Connect ends when the agent hangs up; the router hears it as Connect's events.
    queue.push(
      at,
      voice?.ledger.contactOf(itemId) && repId ? { kind: 'hangUp', itemId, repId } : { kind: 'finish', itemId },
    );
  }

  const nextArrival = (stream: number, from: number) => {
    const at = traffic.next(stream, from);
    if (at !== undefined) queue.push(at, { kind: 'arrival', stream });
  };
  for (const i of scenario.arrivals.keys()) nextArrival(i, start);
  // Reps on from the start log in before anything arrives; later changes follow the schedule as events.
  for (const step of presencePlan(scenario, day, reps)) {
    if (human(step.repId)) continue;
    if (step.at <= start) await present(step);
    else queue.push(step.at, { kind: 'presence', step });
  }
  await deliver();
  options.onReady?.(router, voice);

  let lastProgress = 0;
  for (;;) {
    const nextEvent = queue.peekTime();
    const nextTimer = timers.nextDueAt();
    const nextVoice = voice?.nextDueAt();
    const at = Math.min(nextEvent ?? Infinity, nextTimer ?? Infinity, nextVoice ?? Infinity);
    if (live) {
      // Short slices, so people's commands (delivered here) and the timers they start are never long overdue.
      if (live.stop.aborted) break;
      const due = await paceLive(clock, at);
      await deliver();
      if (!due) continue;
    } else if (at === Infinity || at > end) break;
    if (options.speed && !live) await paceTo(wallStart, at - start, options.speed);
    clock.set(Math.max(clock.now(), at));
    if (nextTimer !== undefined && nextTimer <= at) {
      for (const t of timers.takeDue(clock.now())) {
        await router.fireTimer(t);
        await deliver();
      }
    } else if (nextVoice !== undefined && nextVoice <= at) {
      await deliver();
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
        const times = traffic.timesOf(ev.stream, now);
        const callbackAt = a.callback ? Math.round(now + sample(a.callback.delaySeconds, random) * 1000) : now;
        const patience = times.patience && sample(times.patience, random) * 1000;
        const viaConnect = voice?.carries(config, a) === true;
        const placed = viaConnect
          ? await voice!.call(a, patience)
          : await submitArrival(router, config, a, `sim-${submitted.length + 1}`, callbackAt, voice);
        if (!placed) return;
        const { itemId, offered } = placed;
        submitted.push(itemId);
        streamOf.set(itemId, a);
        handleOf.set(itemId, times.handle);
        if (a.callback) return;
        // A caller who finds nobody free and must wait may hang up at once (balk).
        const balks = !offered && a.balkProbability !== undefined && random() < a.balkProbability;
        if (balks) queue.push(now, { kind: 'abandon', itemId });
        // Through Connect the caller's patience is the emulator's: they hang up unless an agent answered.
        else if (patience && !viaConnect) queue.push(now + patience, { kind: 'abandon', itemId });
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
      case 'abandon': {
        const contactId = voice?.ledger.isCall(ev.itemId) && voice.ledger.contactOf(ev.itemId);
        if (contactId) voice?.hangUpCustomer(contactId);
        else await router.cancel({ itemId: ev.itemId, reason: 'abandoned' });
        return;
      }
      case 'hangUp':
        voice?.hangUp(ev.repId, voice.ledger.contactOf(ev.itemId) ?? '');
        return;
      case 'dialOutcome':
        if ((await router.recordDialOutcome({ itemId: ev.itemId, outcome: ev.outcome })).decision.kind === 'connected')
          finishLater(ev.itemId);
        return;
      case 'presence':
        await present(ev.step);
        return;
    }
  }

  // A rep starting a shift signs in to the softphone first, so Connect routes calls to them once they are in.
  async function present(step: PresenceStep): Promise<void> {
    if (step.action === 'logIn') voice?.signIn(step.repId);
    await carryOut(router, step);
  }

  const ended = live ? clock.now() : end;
  const report = await simulationReport({
    scenario,
    config,
    stats,
    sim,
    submitted,
    events: events.events,
    end: ended,
    wallStart,
  });
  await voice?.stop();
  return {
    ...report,
    busyness: traffic.busyness,
    intervals: measures.intervals.report(ended),
    connect: voiceReport(voice),
  };
}

/** Through the Connect emulator: per queue, who answered; what connect:check found; who was left parked. */
const voiceReport = (voice: EmulatedVoice | undefined) =>
  voice && { queues: voice.ledger.report(), problems: voice.problems, parked: voice.ledger.parkedItems };

export type Report = Awaited<ReturnType<typeof simulate>>;

function refused(e: unknown): false {
  if (!(e instanceof InvalidInputError)) throw e;
  return false;
}
