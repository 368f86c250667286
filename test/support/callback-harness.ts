import { ConnectClient, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { Router } from '../../lambdas/domain/use-cases/router';
import { makeHandler as makeContactEvents } from '../../lambdas/handlers/connect-contact-events';
import { transferCenter } from '../fixtures/transfer-center';
import { compiled } from './end-state';
import { makeHarness } from './harness';
import { lambdaContext } from './lambda-context';

/** Connect as callbacks meet it, mocked per test file (each Jest file has its own module registry). */
export const connect = mockClient(ConnectClient);
export const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
export const FLOW = 'flow-callback-0001';
export const HOLDING = 'queue-holding-0001';
const context = lambdaContext();
export const config = compiled(transferCenter());
export const HOUR = 3_600_000;

/** Call from a test file's beforeEach: a fresh mock that accepts every routing update. */
export function resetConnect(): void {
  connect.reset();
  connect.on(UpdateContactRoutingDataCommand).resolves({});
}

/** A harness whose router dials through ConnectTelephony (sleeps recorded, not slept) and takes contact events. */
export async function callbackHarness(outbound = true) {
  const h = await makeHarness(transferCenter());
  const sleeps: number[] = [];
  const telephony = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE, {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => 1_000_000,
    outbound: outbound ? { contactFlowId: FLOW, queueId: HOLDING } : undefined,
  });
  const router = new Router({ ...h.deps, telephony });
  const events = makeContactEvents(() => router);
  return { ...h, router, sleeps, contactEvent: (e: unknown) => events(e as never, context) };
}
