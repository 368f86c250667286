import {
  AccessDeniedException,
  ConnectClient,
  ResourceNotFoundException,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConnectTelephony } from '../../lambdas/adapters/connect/telephony';
import { Router } from '../../lambdas/domain/use-cases/router';
import { smallCenter } from '../fixtures/small-center';
import { makeHarness } from '../support/harness';

const connect = mockClient(ConnectClient);
const INSTANCE_ARN = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const USER_A = '39bc9666-4d3c-4558-b2ad-9bab4bd48568';

async function voiceHarness() {
  const base = smallCenter();
  const h = await makeHarness({
    ...base,
    reps: base.reps!.map((r) =>
      r.id === 'rep-a' ? { ...r, connectUserId: USER_A } : { ...r, connectUserId: `user-${r.id}` },
    ),
  });
  const telephony = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE_ARN, {
    sleep: async () => {},
  });
  return { ...h, router: new Router({ ...h.deps, telephony }) };
}

beforeEach(() => connect.reset());

describe('voice through Amazon Connect (semantics §8)', () => {
  it('after reserving a rep, asks Connect to connect exactly that rep, parking the call if they do not', async () => {
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    const h = await voiceHarness();
    await h.router.logIn({ repId: 'rep-a' });
    const contactId = '4a573372-1f28-4e26-b97b-000000000001';
    const r = await h.router.submitWork({ channel: 'voice', source: contactId, queue: 'voice-q' });
    expect(r.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 1);
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, {
      InstanceId: 'cccccccc-bbbb-dddd-eeee-ffffffffffff',
      ContactId: contactId,
      RoutingCriteria: {
        Steps: [
          {
            Expiry: { DurationInSeconds: 20 },
            Expression: {
              AttributeCondition: {
                ComparisonOperator: 'Match',
                MatchCriteria: { AgentsCriteria: { AgentIds: [USER_A] } },
              },
            },
          },
          {
            Expression: {
              AttributeCondition: {
                Name: 'Routing',
                Value: 'True',
                ProficiencyLevel: 1,
                ComparisonOperator: 'NumberGreaterOrEqualTo',
              },
            },
          },
        ],
      },
    });
  });

  it('a contact that no longer exists cancels the item, releases the rep, and the next call is targeted', async () => {
    const h = await voiceHarness();
    const gone = 'contact-gone';
    const next = 'contact-next';
    connect
      .on(UpdateContactRoutingDataCommand, { ContactId: gone })
      .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    connect.on(UpdateContactRoutingDataCommand, { ContactId: next }).resolves({});
    await h.router.logIn({ repId: 'rep-a', statusId: 'busy' });
    const first = (await h.router.submitWork({ channel: 'voice', source: gone, queue: 'voice-q' })).decision.itemId;
    const second = (await h.router.submitWork({ channel: 'voice', source: next, queue: 'voice-q' })).decision.itemId;
    const r = await h.router.changeStatus({ repId: 'rep-a', statusId: 'available' });
    expect(await h.item(first)).toMatchObject({ state: 'Canceled', outcome: 'contactGone' });
    expect(await h.item(second)).toMatchObject({ state: 'Offered', reservation: { repId: 'rep-a' } });
    expect((await h.rep('rep-a')).used.primary).toBe(100);
    expect(r.events.map((e) => e.type)).toEqual(expect.arrayContaining(['work.canceled', 'offer.created']));
    expect(connect.commandCalls(UpdateContactRoutingDataCommand).map((c) => c.args[0].input.ContactId)).toEqual([
      gone,
      next,
    ]);
  });

  /** A router with logged-in rep-a whose telephony records the contacts it could not target. */
  async function reportingRouter(config: unknown) {
    const failures: string[] = [];
    const h = await makeHarness(config);
    const telephony = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE_ARN, {
      sleep: async () => {},
      onFailure: (_e, contactId) => failures.push(contactId),
    });
    const router = new Router({ ...h.deps, telephony });
    await router.logIn({ repId: 'rep-a' });
    return { h, router, failures };
  }

  it('a failed Connect call does not fail the hand-off: the offer stands, recovered by QUEUED or timeout', async () => {
    connect
      .on(UpdateContactRoutingDataCommand)
      .rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    const base = smallCenter();
    const { h, router, failures } = await reportingRouter({
      ...base,
      reps: base.reps!.map((r) => ({ ...r, connectUserId: `user-${r.id}` })),
    });
    const r = await router.submitWork({ channel: 'voice', source: 'contact-x', queue: 'voice-q' });
    expect(r.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
    // Connect refuses everything here: the login's status change (reported by user) and the targeting.
    expect(failures).toEqual(['user-rep-a', 'contact-x']);
    expect(h.timers.all().map((t) => t.kind)).toContain('pushTimeout');
  });

  it('a voice rep with no Connect user id is reported, not a failed hand-off', async () => {
    const { router, failures } = await reportingRouter(smallCenter());
    const r = await router.submitWork({ channel: 'voice', source: 'contact-y', queue: 'voice-q' });
    expect(r.decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
    expect(failures).toEqual(['contact-y']);
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 0);
  });

  it('digital work never calls Connect', async () => {
    const h = await voiceHarness();
    await h.router.logIn({ repId: 'rep-a' });
    await h.router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 0);
  });
});
