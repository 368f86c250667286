import { InvalidInputError } from '../../../lambdas/domain/errors';
import { voiceBlockOf } from '../../../lambdas/domain/routing/connect-agent-state';
import { parseAgentEvent } from '../../../lambdas/shared/agent-event';
import heartBeat from '../../fixtures/agent-events/heart-beat.json';
import acwCleared from '../../fixtures/agent-events/state-change-acw-cleared.json';
import acw from '../../fixtures/agent-events/state-change-contact-ended-acw.json';

const connect = {
  routableStatus: 'Available',
  notRoutableStatus: 'Offline',
  loggedOutStatus: 'Offline',
  dismissMissedCalls: true,
};

/** The agent event stream as AWS documents it (test/fixtures/agent-events), read by the handler's parser (§8). */
describe('agent events as AWS documents them', () => {
  it('reads a contact entering after-contact work (ENDED), and the agent out of reach for calls', () => {
    const e = parseAgentEvent(acw.record);
    expect(e).toEqual({
      connectUserId: 'agent-ARN',
      eventType: 'STATE_CHANGE',
      at: Date.parse('2019-05-25T18:55:27.017Z'),
      statusName: 'Available',
      statusSince: Date.parse('2019-05-25T18:43:59.049Z'),
      contacts: [{ contactId: 'ContactId-1', state: 'ENDED' }],
    });
    expect(voiceBlockOf(e, connect)).toBe('afterContactWork');
  });

  it('reads after-contact work cleared, and a heart beat of an Available agent, as reachable', () => {
    expect(voiceBlockOf(parseAgentEvent(acwCleared.record), connect)).toBeUndefined();
    const beat = parseAgentEvent(heartBeat.record);
    expect(beat).toMatchObject({ eventType: 'HEART_BEAT', statusName: 'Available', contacts: [] });
    expect(voiceBlockOf(beat, connect)).toBeUndefined();
  });

  it('names the field of a malformed record', () => {
    const bad = { ...acw.record, EventTimestamp: 'yesterday' };
    expect(() => parseAgentEvent(bad)).toThrow(InvalidInputError);
    expect(() => parseAgentEvent(bad)).toThrow(/EventTimestamp/);
  });

  it.each([
    ['a missed call', { statusName: 'Available', contacts: [{ contactId: 'c', state: 'MISSED' }] }, 'missedCall'],
    ['ringing', { statusName: 'Available', contacts: [{ contactId: 'c', state: 'CONNECTING' }] }, 'onCall'],
    ['a break', { statusName: 'Break', contacts: [] }, 'notRoutable'],
    ['Offline', { statusName: 'Offline', contacts: [] }, 'offline'],
  ])('blocks calls for %s', (_what, snapshot, block) => {
    expect(voiceBlockOf({ eventType: 'STATE_CHANGE', ...snapshot }, connect)).toBe(block);
  });
});
