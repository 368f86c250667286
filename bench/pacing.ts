import type { ConnectClient } from '@aws-sdk/client-connect';
import { ThrottlingException } from '@aws-sdk/client-connect';
import { PacedTelephony } from '../lambdas/adapters/connect/paced-telephony';
import { ConnectTelephony } from '../lambdas/adapters/connect/telephony';
import { DynamoCallPacer } from '../lambdas/adapters/dynamodb/call-pacer';
import { documentClient, localClientConfig } from '../lambdas/adapters/dynamodb/client';
import type { ContactCenterJson } from '../lambdas/domain/config/schema';
import { loadConfiguration } from '../lambdas/domain/use-cases/configure';
import type { Router } from '../lambdas/domain/use-cases/router';
import { configStore, newTable, router } from './rig';

export interface PacingResult {
  readonly arrivals: number;
  readonly offered: number;
  /** Arrivals left waiting on arrival, by reason (a pull or the sweeper offers them later). */
  readonly notOffered: Record<string, number>;
  /** Of those, the ones the sweeper offered (it runs every minute as deployed; here once the arrivals are in). */
  readonly offeredBySweep: number;
  /** Calls Connect was asked to target (UpdateContactRoutingData answered), of all arrivals. */
  readonly targeted: number;
  /** Arrivals never targeted: neither on arrival nor by the sweeper. */
  readonly lost: number;
  readonly connectThrottles: number;
  readonly waitP50Ms: number;
  readonly waitP99Ms: number;
  readonly waitMaxMs: number;
}

const ROUTERS = 4;

/**
 * Connect's side of the quota: a token bucket (rate per second, a burst of a tenth of a second's worth) that
 * answers ThrottlingException when empty, as UpdateContactRoutingData does past its quota.
 */
function quotaConnect(ratePerSecond: number) {
  const burst = Math.max(1, ratePerSecond / 10);
  let tokens = burst;
  let at = performance.now();
  const targeted = new Set<string>();
  let throttles = 0;
  const client = {
    send: async (command: { input: { ContactId?: string } }) => {
      const now = performance.now();
      tokens = Math.min(burst, tokens + ((now - at) / 1000) * ratePerSecond);
      at = now;
      if (tokens < 1) {
        throttles++;
        throw new ThrottlingException({ message: 'Rate exceeded', $metadata: {} });
      }
      tokens -= 1;
      targeted.add(command.input.ContactId!);
      return {};
    },
  };
  return { client: client as unknown as ConnectClient, targeted, throttles: () => throttles };
}

function voiceCenter(reps: number): ContactCenterJson {
  return {
    name: 'bench voice',
    interruptibleCapacityEnabled: false,
    channels: [{ name: 'voice', realTime: true, wrapUpSeconds: 0 }],
    queues: [
      {
        id: 'voice-q',
        channel: 'voice',
        priority: 1,
        routingModel: 'MostAvailable',
        pushTimeoutSeconds: 120,
        size: { percentage: 100 },
      },
    ],
    skills: [],
    statuses: [{ id: 'available', name: 'Available', channels: ['voice'] }],
    presenceConfigs: [{ id: 'std', capacity: 100, autoAccept: false, allowDecline: true, declineReasons: [] }],
    groups: [{ id: 'g', name: 'Voice', presenceConfig: 'std' }],
    reps: Array.from({ length: reps }, (_, i) => ({
      id: `rep-${i}`,
      group: 'g',
      queues: ['voice-q'],
      connectUserId: `user-${i}`,
    })),
  };
}

/**
 * `perSecond` voice arrivals for `seconds`, open loop, over ROUTERS routers whose UpdateContactRoutingData calls
 * are paced to `quota` per second together, against a Connect that throttles past the same quota.
 */
export async function voiceUnderQuota(
  endpoint: string,
  perSecond: number,
  seconds: number,
  quota: number,
): Promise<PacingResult> {
  const table = await newTable(endpoint);
  const arrivals = perSecond * seconds;
  await loadConfiguration(configStore(endpoint, table), voiceCenter(arrivals + 10));
  const connect = quotaConnect(quota);
  const waits: number[] = [];
  const routers = Array.from({ length: ROUTERS }, (_, n) => {
    const db = documentClient(localClientConfig(endpoint));
    const inner = new ConnectTelephony(connect.client, 'arn:aws:connect:us-east-1:123456789012:instance/bench', {
      routingDataAttempts: 1,
    });
    const pacer = new DynamoCallPacer(db, table, 'UpdateContactRoutingData', quota);
    const telephony = new PacedTelephony(inner, pacer, { onWaited: (ms) => waits.push(ms) });
    return router(endpoint, table, n, { publish: async () => {} }, false, telephony);
  });
  for (let i = 0; i < arrivals + 10; i++) await routers[0]!.logIn({ repId: `rep-${i}`, statusId: 'available' });
  let offered = 0;
  const notOffered: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let k = 0; k < arrivals; k++) {
    const wait = started + (k * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const submitted = routers[k % ROUTERS]!.submitWork({ channel: 'voice', source: `call-${k}`, queue: 'voice-q' });
    pending.push(
      submitted.then(({ decision }) => {
        if (decision.routing?.kind === 'offered') offered++;
        else {
          const why = decision.routing?.kind === 'waiting' ? decision.routing.reason : String(decision.routing?.kind);
          notOffered[why] = (notOffered[why] ?? 0) + 1;
        }
      }),
    );
  }
  await Promise.all(pending);
  const offeredBySweep = await sweepUntilOffered(routers[0]!, arrivals - offered);
  waits.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(waits[Math.min(waits.length - 1, Math.floor(p * waits.length))] ?? 0);
  return {
    arrivals,
    offered,
    notOffered,
    offeredBySweep,
    targeted: connect.targeted.size,
    lost: arrivals - connect.targeted.size,
    connectThrottles: connect.throttles(),
    waitP50Ms: pct(0.5),
    waitP99Ms: pct(0.99),
    waitMaxMs: Math.round(waits.at(-1) ?? 0),
  };
}

/** An arrival left waiting is offered by the next pull or sweep: sweeps (a few at most) until none is left. */
async function sweepUntilOffered(r: Router, waiting: number): Promise<number> {
  let routed = 0;
  for (let sweeps = 0; routed < waiting && sweeps < 5; sweeps++) routed += (await r.sweep()).routed;
  return routed;
}
