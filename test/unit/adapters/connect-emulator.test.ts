import {
  ConnectClient,
  DescribeUserCommand,
  DismissUserContactCommand,
  GetCurrentUserDataCommand,
  ListAgentStatusesCommand,
  PutUserStatusCommand,
  ResourceNotFoundException,
  UpdateContactRoutingDataCommand,
  UpdateUserPhoneConfigCommand,
  UpdateUserRoutingProfileCommand,
} from '@aws-sdk/client-connect';
import { ConnectTelephony, targetRepSteps } from '../../../lambdas/adapters/connect/telephony';
import { ConnectEmulator } from '../../../lambdas/adapters/local/connect-emulator/emulator';
import { answer, hangUpCustomer, openSoftphone } from '../../../lambdas/adapters/local/connect-emulator/people';
import { parseAgentEvent } from '../../../lambdas/shared/agent-event';
import { parseContactEvent } from '../../../lambdas/shared/contact-event';

/**
 * The emulator against AWS's definitions: the real SDK client talks to it, and what it emits parses with the
 * parsers the stack's handlers use (semantics §8).
 */
let now = Date.parse('2026-12-07T09:00:00Z');
const contactEvents: unknown[] = [];
type AgentRecord = { CurrentAgentSnapshot: { Contacts: Array<{ ContactId: string; State: string }> } };
const agentEvents: Array<AgentRecord> = [];
let emulator: ConnectEmulator;
let client: ConnectClient;

async function center() {
  const i = emulator.instance;
  const holding = i.addQueue('UR-Holding');
  const other = i.addQueue('Sales');
  const ur = i.addRoutingProfile('UR-support', [holding.id]);
  const basic = i.addRoutingProfile('Basic', [other.id]);
  const inProfile = i.addUser('ana', { routingProfileId: ur.id });
  const outside = i.addUser('ben', { routingProfileId: basic.id });
  return { holding, ur, basic, inProfile, outside, available: i.statusNamed('Available') };
}

beforeEach(async () => {
  contactEvents.length = 0;
  agentEvents.length = 0;
  emulator = await new ConnectEmulator(
    { now: () => now },
    {
      contactEvent: async (e) => contactEvents.push(e),
      agentEvent: async (r) => agentEvents.push(r as AgentRecord),
    },
  ).start();
  client = new ConnectClient(emulator.clientConfig());
});
afterEach(async () => {
  client.destroy();
  await emulator.stop();
});

const types = () => contactEvents.map((e) => parseContactEvent(e)).map((p) => (p.kind === 'routed' ? p.event : p));
const InstanceId = 'cccccccc-bbbb-dddd-eeee-ffffffffffff';
/** The router's targeting of one agent, as ConnectTelephony sends it. */
const target = (contactId: string, userId: string, expirySeconds: number) =>
  client.send(
    new UpdateContactRoutingDataCommand({
      InstanceId,
      ContactId: contactId,
      RoutingCriteria: { Steps: targetRepSteps(userId, expirySeconds) },
    }),
  );

describe('the Connect emulator, through the real SDK client', () => {
  it('delivers a targeted call only to an available agent whose routing profile has the queue', async () => {
    const c = await center();
    const contactId = await emulator.call(c.holding.id, { queue: 'voice-q' });
    await target(contactId, c.outside.id, 20);
    await client.send(new PutUserStatusCommand({ InstanceId, UserId: c.outside.id, AgentStatusId: c.available.id }));
    await emulator.settle();
    expect(emulator.instance.contact(contactId).state).toBe('QUEUED');
    // The step expires: Connect says so with CONTACT_DATA_UPDATED, which the handlers read as an expiry.
    now += 20_000;
    await emulator.settle();
    expect(types().at(-1)).toMatchObject({ eventType: 'CONTACT_DATA_UPDATED', stepExpired: true, contactId });
    await client.send(
      new UpdateUserRoutingProfileCommand({ InstanceId, UserId: c.outside.id, RoutingProfileId: c.ur.id }),
    );
    await target(contactId, c.outside.id, 20);
    await emulator.settle();
    expect(emulator.instance.user(c.outside.id).contact).toMatchObject({ contactId, state: 'CONNECTING' });
    expect(agentEvents.at(-1)?.CurrentAgentSnapshot.Contacts[0]).toMatchObject({
      ContactId: contactId,
      State: 'CONNECTING',
    });
  });

  it('rings, misses, and keeps the agent missed until DismissUserContact', async () => {
    const c = await center();
    await client.send(new PutUserStatusCommand({ InstanceId, UserId: c.inProfile.id, AgentStatusId: c.available.id }));
    const contactId = await emulator.call(c.holding.id, { queue: 'voice-q' });
    await target(contactId, c.inProfile.id, 60);
    await emulator.settle();
    now += 20_000;
    await emulator.settle();
    const data = await client.send(
      new GetCurrentUserDataCommand({ InstanceId, Filters: { Agents: [c.inProfile.id] } }),
    );
    expect(data.UserDataList?.[0]?.Contacts?.[0]).toMatchObject({ ContactId: contactId, AgentContactState: 'MISSED' });
    expect(data.UserDataList?.[0]?.Status?.StatusName).toBe('Available');
    expect(emulator.instance.contact(contactId).state).toBe('QUEUED');
    await client.send(new DismissUserContactCommand({ InstanceId, UserId: c.inProfile.id, ContactId: contactId }));
    await emulator.settle();
    // Back to available, and the step still targets them: it rings again.
    expect(emulator.instance.user(c.inProfile.id).contact).toMatchObject({ contactId, state: 'CONNECTING' });
  });

  it('connects, reports the agent, and holds after-contact work for the configured limit', async () => {
    const c = await center();
    await client.send(
      new UpdateUserPhoneConfigCommand({
        InstanceId,
        UserId: c.inProfile.id,
        PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 30 },
      }),
    );
    openSoftphone(emulator.instance, c.inProfile.id);
    await client.send(new PutUserStatusCommand({ InstanceId, UserId: c.inProfile.id, AgentStatusId: c.available.id }));
    const contactId = await emulator.call(c.holding.id, { queue: 'voice-q' });
    await target(contactId, c.inProfile.id, 20);
    answer(emulator.instance, c.inProfile.id);
    now += 60_000;
    hangUpCustomer(emulator.instance, contactId);
    await emulator.settle();
    expect(types().map((e) => (e as { eventType: string }).eventType)).toEqual([
      'INITIATED',
      'CONNECTED_TO_SYSTEM',
      'QUEUED',
      'CONNECTED_TO_AGENT',
      'DISCONNECTED',
    ]);
    expect(types()[3]).toMatchObject({ connectedToAgentAt: now - 60_000 });
    expect((contactEvents[3] as { detail: { agentInfo: { agentArn: string } } }).detail.agentInfo.agentArn).toBe(
      c.inProfile.arn,
    );
    now += 30_000;
    await emulator.settle();
    expect(types().at(-1)).toMatchObject({ eventType: 'COMPLETED', contactId });
    // Every agent record it emitted reads with the parser the agent event stream's function uses.
    // (the phone configuration and the status set first, then the call's states and its end)
    expect(agentEvents.map((r) => parseAgentEvent(r).contacts?.[0]?.state)).toEqual([
      undefined,
      undefined,
      'CONNECTING',
      'CONNECTED',
      'ENDED',
      undefined,
    ]);
    const user = await client.send(new DescribeUserCommand({ InstanceId, UserId: c.inProfile.id }));
    expect(user.User?.PhoneConfig).toEqual({
      PhoneType: 'SOFT_PHONE',
      AutoAccept: false,
      AfterContactWorkTimeLimit: 30,
    });
  });

  it('answers ResourceNotFound for a contact that ended, which the telephony adapter reads as gone', async () => {
    const c = await center();
    const contactId = await emulator.call(c.holding.id, { queue: 'voice-q' });
    hangUpCustomer(emulator.instance, contactId);
    await emulator.settle();
    await expect(target(contactId, 'x', 5)).rejects.toBeInstanceOf(ResourceNotFoundException);
    const telephony = new ConnectTelephony(client, emulator.instance.arn, { sleep: async () => {} });
    await expect(telephony.connectRep({ contactId, connectUserId: c.inProfile.id, expirySeconds: 20 })).resolves.toBe(
      'contactGone',
    );
    const statuses = await client.send(new ListAgentStatusesCommand({ InstanceId }));
    expect(statuses.AgentStatusSummaryList?.map((s) => [s.Name, s.Type])).toEqual([
      ['Available', 'ROUTABLE'],
      ['Offline', 'OFFLINE'],
    ]);
  });
});
