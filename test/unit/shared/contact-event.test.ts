import { InvalidInputError } from '../../../lambdas/domain/errors';
import { parseContactEvent } from '../../../lambdas/shared/contact-event';
import connected from '../../fixtures/connect-events/connected-to-agent.json';
import connectedByCriteria from '../../fixtures/connect-events/connected-to-agent-routing-criteria.json';
import stepExpired from '../../fixtures/connect-events/step-expired.json';

const withDetail = (event: { detail: object }, detail: Record<string, unknown>) => ({
  ...event,
  detail: { ...event.detail, ...detail },
});

function thrown(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('contact events as AWS documents them (semantics §8, §12)', () => {
  it('reads "connected to an agent" with its agent-connected time and the agent (the user id its ARN ends in)', () => {
    expect(parseContactEvent(connected.event)).toEqual({
      kind: 'routed',
      voice: true,
      event: {
        contactId: '11111111-1111-1111-1111-111111111111',
        eventType: 'CONNECTED_TO_AGENT',
        stepExpired: false,
        connectedToAgentAt: Date.parse('2021-08-04T17:29:09.000Z'),
        agentId: '12345678-1234-1234-1234-123456789012',
        previousContactId: undefined,
        disconnectReason: undefined,
      },
    });
  });

  it('reads routing criteria sent as a list, PascalCase keys, and the channel written Voice', () => {
    const parsed = parseContactEvent(connectedByCriteria.event);
    expect(parsed).toMatchObject({
      kind: 'routed',
      voice: true,
      event: { eventType: 'CONNECTED_TO_AGENT', connectedToAgentAt: Date.parse('2024-01-01T00:00:09.000Z') },
    });
  });

  it('reads a routing step that expired (the sample is a chat, so it is not voice)', () => {
    expect(parseContactEvent(stepExpired.event)).toMatchObject({
      kind: 'routed',
      voice: false,
      event: { eventType: 'CONTACT_DATA_UPDATED', stepExpired: true },
    });
  });

  it('finds an expired step in routing criteria sent as a list too', () => {
    const criteria = stepExpired.event.detail.routingCriteria;
    const asList = withDetail(stepExpired.event, { channel: 'VOICE', routingCriteria: [criteria] });
    expect(parseContactEvent(asList)).toMatchObject({ voice: true, event: { stepExpired: true } });
  });

  it('ignores fields it does not use, new ones included', () => {
    const extended = withDetail(connected.event, { segmentAttributes: { x: 1 }, aNewField: [{ y: 'z' }] });
    expect(parseContactEvent(extended)).toEqual(parseContactEvent(connected.event));
  });

  it.each(['PAUSED', 'RESUMED', 'AMD_DISABLED', 'WEBRTC_API', 'SOMETHING_AWS_ADDS_NEXT_YEAR'])(
    'acknowledges an event type routing does not use (%s), even one with fields routing would refuse',
    (eventType) => {
      const unknown = withDetail(connected.event, { eventType, contactId: ['not', 'a', 'string'] });
      expect(parseContactEvent(unknown)).toEqual({ kind: 'unknownType', eventType });
    },
  );

  it.each([
    ['a missing contact id', { contactId: undefined }, 'detail.contactId'],
    ['an agent time that is not a time', { agentInfo: { connectedToAgentTimestamp: 'soon' } }, 'detail.agentInfo'],
    ['routing steps of the wrong type', { routingCriteria: { steps: 'EXPIRED' } }, 'detail.routingCriteria.steps'],
  ])('refuses a routed event with %s, naming the field', (_name, detail, field) => {
    const err = thrown(() => parseContactEvent(withDetail(connected.event, detail)));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).field.startsWith(field)).toBe(true);
  });
});
