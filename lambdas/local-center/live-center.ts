import { LocalIdentityProvider } from '../adapters/local/identity-provider';
import { CommandCenterProjection } from '../command-center/projection';
import { serveCommandCenter } from '../command-center/server';
import { CompiledConfig } from '../domain/config/compiled-config';
import { validateConfig } from '../domain/config/validate-config';
import type { WorkItem } from '../domain/routing/work-item';
import type { Router } from '../domain/use-cases/router';
import { DEFAULT_IDENTITY } from '../shared/identity';
import { type Report, type SimulationOptions, simulate } from '../simulator/engine';
import { loadScenario } from '../simulator/load-scenario';
import { openStore } from '../simulator/stores';
import type { EmulatedVoice } from '../simulator/voice/emulated-voice';
import { customerCalls } from './customer-calls';
import { LocalDesktopPush } from './desktop-sockets';
import { liveExtension } from './extension';
import { LocalSignIn } from './sign-in';
import { softphoneStandIn } from './softphone-stand-in';

export interface LiveCenterOptions {
  readonly scenarioPath: string;
  /** 0: any free port. */
  readonly port: number;
  /**
   * `live`: real time until closed, with reps played by people. Otherwise the scenario's duration at `speed`
   * (virtual seconds per real second), then the report.
   */
  readonly mode: { readonly kind: 'live' } | { readonly kind: 'accelerated'; readonly speed: number };
  /** Reps played by people (live); by default two who may decline offers (so a person meets the whole card). */
  readonly people?: readonly string[];
  /** Who may sign in as a supervisor; by default the configured supervisors, or `sup-1` over every group. */
  readonly supervisors?: readonly string[];
  /** A running DynamoDB Local; by default one is started. */
  readonly dynamoEndpoint?: string;
  readonly onProgress?: SimulationOptions['onProgress'];
  /** Access tokens' lifetime, in seconds (pages refresh them before they run out). @default 3600 */
  readonly tokenSeconds?: number;
}

export interface LiveCenter {
  readonly url: string;
  readonly people: readonly string[];
  /** The center's voice queues: calls to them go through the Connect emulator. */
  readonly voiceQueues: readonly string[];
  readonly supervisors: readonly string[];
  /** The run: the report once it ends (accelerated at the scenario's end; live once closed). */
  readonly finished: Promise<Report | undefined>;
  /** An item as the table holds it now (a consistent read): what tests check a refused call left unchanged. */
  readonly readItem: (itemId: string) => Promise<WorkItem | undefined>;
  /** A customer calls a voice queue through the Connect emulator (what `POST /connect/calls` does). */
  readonly placeCall: (queue: string, phoneNumber?: string) => Promise<{ itemId: string; contactId: string }>;
  /** The caller hangs up. */
  readonly hangUpCaller: (contactId: string) => void;
  /** Refuses the person's refresh tokens from now on (a disabled user): their pages must sign in again. */
  readonly endSessions: (username: string) => void;
  /** Ends the run: the simulation stops, then the server and DynamoDB Local. */
  close(): Promise<void>;
}

/**
 * The local contact center (README, "npm start"): simulated traffic and reps on DynamoDB Local, the Command Center
 * and the rep workspace served on one port with the same HTTP API handler code, sign-in and push channel as
 * deployed. `npm start` runs it accelerated; `npm start -- --live` in real time with people as reps.
 */
export async function startLiveCenter(options: LiveCenterOptions): Promise<LiveCenter> {
  const loaded = loadScenario(options.scenarioPath);
  if (!loaded.ok) throw new Error(`${options.scenarioPath}: ${loaded.problems.join('; ')}`);
  const valid = validateConfig(loaded.config);
  if (!valid.ok) throw new Error(valid.problems.join('; '));
  // Without configured supervisors, the local center has one who supervises every group.
  const localSupervisor = { id: 'sup-1', name: 'Local supervisor', groups: valid.config.groups.map((g) => g.id) };
  const centerSupervisors = valid.config.supervisors.length ? valid.config.supervisors : [localSupervisor];
  const centerConfig = { ...(loaded.config as object), supervisors: centerSupervisors };
  const config = new CompiledConfig({ ...valid.config, supervisors: centerSupervisors });
  const live = options.mode.kind === 'live';
  const people = live ? (options.people ?? defaultPeople(config)) : [];
  const supervisors = options.supervisors ?? config.raw.supervisors.map((s) => s.id);
  const projection = new CommandCenterProjection(config, loaded.scenario.serviceLevelSeconds);
  const sim = await openStore('dynamodb', options.dynamoEndpoint);
  let router: Router | undefined;
  let voice: EmulatedVoice | undefined;
  let origin = '';
  let idp: LocalIdentityProvider | undefined;
  let signIn: LocalSignIn | undefined;
  let clock = () => Date.now();
  const ready = () => idp ?? notStarted();
  const desktops = new LocalDesktopPush({ verify: (t) => ready().verify(t) }, DEFAULT_IDENTITY, () => router);
  const extension = liveExtension({
    origin: () => origin,
    router: () => router,
    idp: ready,
    signIn: () => signIn ?? notStarted(),
    desktops: () => desktops,
    softphone: softphoneStandIn({
      voice: () => voice,
      verify: (t) => ready().verify(t),
      identity: DEFAULT_IDENTITY,
    }),
    calls: (res, path, body) => customerCalls(() => voice, res, path, body),
  });
  const server = await serveCommandCenter(() => projection.snapshot(clock()), options.port, extension);
  origin = server.url;
  idp = new LocalIdentityProvider(`${origin}/auth`);
  signIn = new LocalSignIn(idp, { reps: people, supervisors }, options.tokenSeconds);
  const stop = new AbortController();
  let changed = false;
  // Supervisors' pages are nudged at most once a second, as the deployed feed does per batch.
  const nudges = setInterval(() => {
    if (changed) void desktops.nudge(clock());
    changed = false;
  }, 1000);
  let finished!: Promise<Report | undefined>;
  await new Promise<void>((resolve, reject) => {
    finished = simulate(loaded.scenario, centerConfig, loaded.reps, sim, {
      ...(live ? { live: { humanReps: new Set(people), stop: stop.signal } } : { speed: options.mode.speed }),
      desktops,
      commandCenter: { snapshot: async () => projection.snapshot(clock()) },
      connect: true,
      onReady: (r, v) => {
        router = r;
        voice = v;
        resolve();
      },
      onEvent: (e, at) => {
        if (!live) clock = () => at;
        projection.apply(e);
        changed = true;
      },
      onProgress: options.onProgress,
    }).catch((e: unknown) => {
      reject(e);
      return undefined;
    });
  });
  const sampler = setInterval(() => projection.sample(clock()), 5000);
  return {
    url: origin,
    people,
    voiceQueues: config.raw.queues.filter((q) => q.channel === 'voice').map((q) => q.id),
    supervisors,
    finished,
    readItem: (itemId) => sim.store.getItem(itemId),
    placeCall: async (queue, phoneNumber) => {
      const placed = await voice?.call({ queue, phoneNumber });
      if (!placed) throw new Error(`the call to ${queue} was not handed off`);
      return placed;
    },
    hangUpCaller: (contactId) => voice?.hangUpCustomer(contactId),
    endSessions: (username) => signIn?.endSessions(username),
    close: async () => {
      stop.abort();
      clearInterval(nudges);
      clearInterval(sampler);
      if (live) await finished;
      desktops.close();
      await server.close();
      await sim.close();
    },
  };
}

function defaultPeople(config: CompiledConfig): string[] {
  const reps = [...config.reps.values()];
  const declining = reps.filter((r) => r.presence.allowDecline && r.presence.declineReasons.length > 0);
  return (declining.length >= 2 ? declining : reps).slice(0, 2).map((r) => r.id);
}

function notStarted(): never {
  throw new Error('the local center is still starting');
}
