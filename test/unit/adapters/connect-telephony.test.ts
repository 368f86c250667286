import {
  AccessDeniedException,
  ConnectClient,
  ResourceNotFoundException,
  StartOutboundVoiceContactCommand,
  ThrottlingException,
  UpdateContactRoutingDataCommand,
} from '@aws-sdk/client-connect';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConnectTelephony } from '../../../lambdas/adapters/connect/telephony';

const connect = mockClient(ConnectClient);
// Shapes from reference/amazon-connect.md §2.1–2.2 (official API examples).
const INSTANCE_ARN = 'arn:aws:connect:eu-west-2:111111111111:instance/5d463351-d515-4241-b8f3-bf78da37770d';
const CONTACT = '44c84896-243d-43bc-ad8c-76fc8baadced';
const AGENT = '39bc9666-4d3c-4558-b2ad-9bab4bd48568';
const telephony = () =>
  new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE_ARN, { sleep: async () => {} });
const meta = { $metadata: {} };

beforeEach(() => connect.reset());

describe('ConnectTelephony (semantics §8)', () => {
  it('targets the rep for the push timeout, then parks the call on Routing = True with no expiry', async () => {
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    await expect(telephony().connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 20 })).resolves.toBe(
      'targeted',
    );
    expect(connect).toHaveReceivedCommandWith(UpdateContactRoutingDataCommand, {
      InstanceId: '5d463351-d515-4241-b8f3-bf78da37770d',
      ContactId: CONTACT,
      RoutingCriteria: {
        Steps: [
          {
            Expiry: { DurationInSeconds: 20 },
            Expression: {
              AttributeCondition: {
                ComparisonOperator: 'Match',
                MatchCriteria: { AgentsCriteria: { AgentIds: [AGENT] } },
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

  it('uses a single non-expiring rep step when the queue has no push timeout', async () => {
    connect.on(UpdateContactRoutingDataCommand).resolves({});
    await telephony().connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 0 });
    const steps = connect.commandCalls(UpdateContactRoutingDataCommand)[0]!.args[0].input.RoutingCriteria!.Steps!;
    expect(steps).toHaveLength(1);
    expect(steps[0]!.Expiry).toBeUndefined();
  });

  it('retries throttling with backoff, then succeeds', async () => {
    connect
      .on(UpdateContactRoutingDataCommand)
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', ...meta }))
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', ...meta }))
      .resolves({});
    await expect(telephony().connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 20 })).resolves.toBe(
      'targeted',
    );
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 3);
  });

  it('reports every throttled call, so the stack can alarm on throttling', async () => {
    connect
      .on(UpdateContactRoutingDataCommand)
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', ...meta }))
      .resolves({});
    let throttled = 0;
    const t = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE_ARN, {
      sleep: async () => {},
      onThrottled: () => {
        throttled++;
      },
    });
    await t.connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 20 });
    expect(throttled).toBe(1);
  });

  it('gives up on throttling after the attempts, with the error', async () => {
    connect.on(UpdateContactRoutingDataCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', ...meta }));
    await expect(
      telephony().connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 20 }),
    ).rejects.toThrow('Rate exceeded');
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 6);
  });

  it('stops retrying within its time budget (the flow gives the hand-off 8 s in all)', async () => {
    connect.on(UpdateContactRoutingDataCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', ...meta }));
    const t = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE_ARN, {
      sleep: async () => {},
      maxElapsedMs: 0,
    });
    await expect(t.connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 20 })).rejects.toThrow(
      'Rate exceeded',
    );
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 1);
  });

  it('reports a contact that no longer exists', async () => {
    connect
      .on(UpdateContactRoutingDataCommand)
      .rejects(new ResourceNotFoundException({ message: 'Contact not found', ...meta }));
    await expect(telephony().connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 20 })).resolves.toBe(
      'contactGone',
    );
  });

  it('does not retry other errors', async () => {
    connect.on(UpdateContactRoutingDataCommand).rejects(new AccessDeniedException({ message: 'denied', ...meta }));
    await expect(
      telephony().connectRep({ contactId: CONTACT, connectUserId: AGENT, expirySeconds: 20 }),
    ).rejects.toThrow('denied');
    expect(connect).toHaveReceivedCommandTimes(UpdateContactRoutingDataCommand, 1);
  });

  it('dials a callback from the configured source number into the holding queue, with its client token', async () => {
    connect.on(StartOutboundVoiceContactCommand).resolves({ ContactId: 'dial-1', ...meta });
    const dialing = new ConnectTelephony(new ConnectClient({ region: 'eu-west-2' }), INSTANCE_ARN, {
      sleep: async () => {},
      now: () => 0,
      outbound: { contactFlowId: 'flow-1', queueId: 'holding-1', sourcePhoneNumber: '+441234567890' },
    });
    const request = { clientToken: 'work-1-1', phoneNumber: '+15551234567', attributes: { routerItemId: 'work-1' } };
    await expect(dialing.dial!(request)).resolves.toEqual({ contactId: 'dial-1' });
    expect(connect).toHaveReceivedCommandWith(StartOutboundVoiceContactCommand, {
      InstanceId: '5d463351-d515-4241-b8f3-bf78da37770d',
      ContactFlowId: 'flow-1',
      QueueId: 'holding-1',
      SourcePhoneNumber: '+441234567890',
      DestinationPhoneNumber: '+15551234567',
      ClientToken: 'work-1-1',
    });
  });
});
