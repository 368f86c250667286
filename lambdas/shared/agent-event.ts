import { invalidInput } from '../domain/input-problems';
import type { AgentStateEvent } from '../domain/use-cases/agent-state';
import * as z from '../domain/zod';

/**
 * The contact states of the agent event stream's data model (agent-event-stream-model; PAUSED on today's page):
 * INCOMING, PENDING, CONNECTING, CONNECTED, CONNECTED_ONHOLD, MISSED, PAUSED, REJECTED, ERROR, ENDED.
 */

const arn = z.string().check(z.minLength(1), z.maxLength(512));
const timestamp = z.iso.datetime({ offset: true });

const snapshot = z.looseObject({
  AgentStatus: z.looseObject({ Name: z.string().check(z.minLength(1), z.maxLength(127)), StartTimestamp: timestamp }),
  Contacts: z._default(
    z.array(
      z.looseObject({
        ContactId: z.string().check(z.minLength(1), z.maxLength(256)),
        Channel: z.string().check(z.maxLength(32)),
        // A state AWS adds later is read as it comes (and blocks nothing), not refused with the whole record.
        State: z.string().check(z.maxLength(64)),
      }),
    ),
    [],
  ),
});

/**
 * A record of the instance's agent event stream, as the data model and AWS's samples show it
 * (test/fixtures/agent-events). HEART_BEAT carries a snapshot too; every field routing does not read is ignored.
 */
const record = z.looseObject({
  AgentARN: arn,
  EventType: z.enum(['STATE_CHANGE', 'HEART_BEAT', 'LOGIN', 'LOGOUT']),
  EventTimestamp: timestamp,
  CurrentAgentSnapshot: z.optional(z.nullable(snapshot)),
});

/** An agent ARN ends in /agent/<user id>; AgentsCriteria and the configuration name agents by that id. */
const userIdOf = (agentArn: string) => agentArn.match(/\/agent\/([^/]+)$/)?.[1] ?? agentArn;

/** Parses one record's data (JSON); malformed input is an InvalidInputError naming the field. */
export function parseAgentEvent(data: unknown): AgentStateEvent {
  const parsed = record.safeParse(data);
  if (!parsed.success) throw invalidInput(parsed.error);
  const r = parsed.data;
  const s = r.CurrentAgentSnapshot ?? undefined;
  return {
    connectUserId: userIdOf(r.AgentARN),
    eventType: r.EventType,
    at: Date.parse(r.EventTimestamp),
    ...(s
      ? {
          statusName: s.AgentStatus.Name,
          statusSince: Date.parse(s.AgentStatus.StartTimestamp),
          contacts: s.Contacts.filter((c) => c.Channel.toUpperCase() === 'VOICE').map((c) => ({
            contactId: c.ContactId,
            state: c.State,
          })),
        }
      : {}),
  };
}
