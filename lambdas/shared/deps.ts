import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoConfigStore } from '../adapters/dynamodb/dynamo-config-store';
import { DynamoRoutingStore } from '../adapters/dynamodb/dynamo-store';
import { randomIds, systemClock } from '../adapters/system/clock';
import type { CompiledConfig } from '../domain/config/compiled-config';
import { RouterError } from '../domain/errors';
import type {
  Clock,
  CommandCenterView,
  DesktopPresence,
  DesktopPush,
  EventSink,
  RecordingLocator,
  SetAsideStore,
  TelephonyPort,
  TimerPort,
} from '../domain/ports';
import { CANDIDATE_CACHE_MS, CandidateCache } from '../domain/use-cases/candidate-cache';
import { StoreConfigProvider } from '../domain/use-cases/config-provider';
import { Router } from '../domain/use-cases/router';
import { optionalEnv, requireEnv } from './env';
import { tracer } from './powertools';

let router: Router | undefined;

/**
 * What a function's router reaches besides DynamoDB, each port built by its own module (telephony.ts,
 * events-port.ts, timers-port.ts, s3-ports.ts, desktop-push.ts). A handler names the ports it uses, so its bundle
 * carries only
 * those clients and its role only those grants (lib/constructs/router-functions.ts). Deployed, only the outbox
 * dispatcher publishes events and schedules timers (and the timer function, which re-arms a timer that fires early);
 * every other function's commits leave that to the dispatcher (ROUTER_DELIVERY=outbox).
 */
export interface RouterReach {
  /** Amazon Connect: for functions whose work can make a voice offer or a dial. */
  readonly telephony?: (db: DynamoDBDocumentClient, table: string) => TelephonyPort;
  readonly events?: () => EventSink;
  readonly timers?: (clock: Clock) => TimerPort;
  readonly recordings?: () => RecordingLocator | undefined;
  readonly commandCenter?: () => CommandCenterView | undefined;
  readonly desktops?: (db: DynamoDBDocumentClient) => DesktopPush | undefined;
  /** Who has a workspace open: the push channel's connection rows in the routing table. */
  readonly desktopPresence?: (db: DynamoDBDocumentClient, table: string) => DesktopPresence;
  /** Where the outbox's undelivered entries are kept (the dispatcher and the redrive). */
  readonly setAside?: (db: DynamoDBDocumentClient, table: string) => SetAsideStore;
}

/** A port a function without it must never reach: its commits are delivered by the outbox dispatcher. */
const deliveredByOutbox = (port: string) => async () => {
  throw new RouterError(`${port}: this function leaves delivery to the outbox dispatcher`);
};

export function cacheMs(value: string | undefined): number {
  if (value === undefined) return CANDIDATE_CACHE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`CANDIDATE_CACHE_MS must be a whole number of milliseconds, not '${value}'`);
  return ms;
}

/**
 * The composition root: the DynamoDB client (traced), the store and the ports `reach` names, built once per Lambda
 * process on first use. Environment: TABLE_NAME; CANDIDATE_CACHE_MS (optional); ROUTER_DELIVERY (`outbox` when
 * deployed, and required of a function that does not deliver); and what each port's module reads.
 */
export function routerFromEnvironment(reach: RouterReach = {}): Router {
  if (router) return router;
  const db = documentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
  const table = requireEnv('TABLE_NAME');
  const clock = systemClock;
  const delivery = optionalEnv('ROUTER_DELIVERY') === 'outbox' ? 'outbox' : 'inline';
  if (delivery === 'inline' && !(reach.events && reach.timers))
    throw new Error('ROUTER_DELIVERY must be outbox for a function that neither publishes events nor schedules timers');
  router = new Router({
    store: new DynamoRoutingStore(db, table),
    clock,
    ids: randomIds,
    events: reach.events?.() ?? { publish: deliveredByOutbox('events') },
    timers: reach.timers?.(clock) ?? { schedule: deliveredByOutbox('timers') },
    ...(reach.telephony ? { telephony: reach.telephony(db, table) } : {}),
    config: new StoreConfigProvider(new DynamoConfigStore(db, table), clock),
    // A few seconds of staleness at most; see CandidateCache for why that is safe.
    candidates: new CandidateCache(cacheMs(optionalEnv('CANDIDATE_CACHE_MS'))),
    recordings: reach.recordings?.(),
    desktops: reach.desktops?.(db),
    desktopPresence: reach.desktopPresence?.(db, table),
    commandCenter: reach.commandCenter?.(),
    ...(reach.setAside ? { setAside: reach.setAside(db, table) } : {}),
    // Deployed, only the table stream's dispatcher delivers what commits cause (ARCHITECTURE.md, "Delivery").
    delivery,
  });
  return router;
}

/** The current configuration, for functions that read it without a router (the Command Center feed). */
export function configFromEnvironment(): () => Promise<CompiledConfig> {
  const db = documentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
  const provider = new StoreConfigProvider(new DynamoConfigStore(db, requireEnv('TABLE_NAME')), systemClock);
  return () => provider.get();
}
