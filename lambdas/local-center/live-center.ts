import { LocalIdentityProvider } from '../adapters/local/identity-provider';
import { CommandCenterProjection } from '../command-center/projection';
import { serveCommandCenter } from '../command-center/server';
import { CompiledConfig } from '../domain/config/compiled-config';
import { validateConfig } from '../domain/config/validate-config';
import type { WorkItem } from '../domain/routing/work-item';
import type { Router } from '../domain/use-cases/router';
import { DEFAULT_IDENTITY } from '../shared/identity';
import { simulate } from '../simulator/engine';
import { loadScenario } from '../simulator/load-scenario';
import { openStore } from '../simulator/stores';
import { LocalDesktopPush } from './desktop-sockets';
import { liveExtension } from './extension';
import { LocalSignIn } from './sign-in';

export interface LiveCenterOptions {
  readonly scenarioPath: string;
  /** 0: any free port. */
  readonly port: number;
  /** Reps played by people; by default two who may decline offers (so a person meets the whole offer card). */
  readonly people?: readonly string[];
  readonly supervisors?: readonly string[];
  /** A running DynamoDB Local; by default one is started. */
  readonly dynamoEndpoint?: string;
}

export interface LiveCenter {
  readonly url: string;
  readonly people: readonly string[];
  readonly supervisors: readonly string[];
  /** An item as the table holds it now (a consistent read): what tests check a refused call left unchanged. */
  readItem(itemId: string): Promise<WorkItem | undefined>;
  /** Ends the run: the simulation stops, then the server and DynamoDB Local. */
  close(): Promise<void>;
}

/**
 * `npm start -- --live`: the local contact center in real time. Simulated traffic and reps run through the
 * router on DynamoDB Local while people sign in to the workspace as reps; both use the same router, HTTP
 * handler code and push channel as deployed (README, "Live local center").
 */
export async function startLiveCenter(options: LiveCenterOptions): Promise<LiveCenter> {
  const loaded = loadScenario(options.scenarioPath);
  if (!loaded.ok) throw new Error(`${options.scenarioPath}: ${loaded.problems.join('; ')}`);
  const valid = validateConfig(loaded.config);
  if (!valid.ok) throw new Error(valid.problems.join('; '));
  const config = new CompiledConfig(valid.config);
  const people = options.people ?? defaultPeople(config);
  const supervisors = options.supervisors ?? ['sup-1'];
  const projection = new CommandCenterProjection(config, loaded.scenario.serviceLevelSeconds);
  const sim = await openStore('dynamodb', options.dynamoEndpoint);
  let router: Router | undefined;
  let origin = '';
  let idp: LocalIdentityProvider | undefined;
  const ready = () => idp ?? notStarted();
  const desktops = new LocalDesktopPush({ verify: (t) => ready().verify(t) }, DEFAULT_IDENTITY, () => router);
  let signIn: LocalSignIn | undefined;
  const extension = liveExtension({
    origin: () => origin,
    router: () => router,
    idp: ready,
    signIn: () => signIn ?? notStarted(),
    desktops: () => desktops,
  });
  const server = await serveCommandCenter(() => projection.snapshot(Date.now()), options.port, 500, extension);
  origin = server.url;
  idp = new LocalIdentityProvider(`${origin}/auth`);
  signIn = new LocalSignIn(idp, { reps: people, supervisors });
  const stop = new AbortController();
  let finished: Promise<void> = Promise.resolve();
  let lastSample = 0;
  await new Promise<void>((resolve, reject) => {
    finished = simulate(loaded.scenario, loaded.config, loaded.reps, sim, {
      live: {
        humanReps: new Set(people),
        desktops,
        stop: stop.signal,
        onReady: (r) => {
          router = r;
          resolve();
        },
      },
      onEvent: (e, at) => {
        projection.apply(e);
        if (at - lastSample < 15_000) return;
        lastSample = at;
        projection.sample(at);
      },
    }).then(() => undefined, reject);
  });
  return {
    url: origin,
    people,
    supervisors,
    readItem: (itemId) => sim.store.getItem(itemId),
    close: async () => {
      stop.abort();
      await finished;
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
  throw new Error('the live center is still starting');
}
