import type { CompiledConfig } from '../config/compiled-config';
import type { ConnectAgentsConfig } from '../config/schema';
import type { RepState, VoiceBlock } from './rep';

/** What the router reads of one agent event: the agent's status and the states of their voice contacts. */
export interface AgentSnapshot {
  readonly eventType: 'STATE_CHANGE' | 'HEART_BEAT' | 'LOGIN' | 'LOGOUT';
  readonly statusName?: string;
  /** When the agent went into that status (AgentStatus.StartTimestamp). */
  readonly statusSince?: number;
  readonly contacts?: readonly { readonly contactId: string; readonly state: string }[];
}

/** Contact states of an agent on a contact: ringing, connected, on hold, paused (agent-event-stream-model). */
const ON_CONTACT = new Set(['INCOMING', 'PENDING', 'CONNECTING', 'CONNECTED', 'CONNECTED_ONHOLD', 'PAUSED']);
/** A contact the agent did not take stays until it is cleared; a rejected voice contact shows as MISSED. */
const MISSED = new Set(['MISSED', 'REJECTED', 'ERROR']);

/**
 * Why Connect cannot deliver a call to this agent now (semantics §8), or undefined when it can: a missed contact
 * not cleared, after-contact work (the contact ENDED on the agent's side), a contact on the line, or a status
 * other than the routable one.
 */
export function voiceBlockOf(snapshot: AgentSnapshot, connect: ConnectAgentsConfig): VoiceBlock | undefined {
  if (snapshot.eventType === 'LOGOUT') return 'offline';
  const states = (snapshot.contacts ?? []).map((c) => c.state);
  if (states.some((s) => MISSED.has(s))) return 'missedCall';
  if (states.includes('ENDED')) return 'afterContactWork';
  if (states.some((s) => ON_CONTACT.has(s))) return 'onCall';
  if (snapshot.statusName === connect.routableStatus) return undefined;
  return snapshot.statusName === connect.loggedOutStatus ? 'offline' : 'notRoutable';
}

/**
 * The Connect agent status a rep's router presence maps to: logged out, the loggedOut status; else the status's
 * own `connectStatus`, or the routable status when it takes calls and the not-routable one when it does not.
 */
export function connectStatusFor(config: CompiledConfig, rep: RepState | undefined): string {
  const connect = config.connectAgents;
  if (!rep?.sessionId || rep.statusId === undefined) return connect.loggedOutStatus;
  const status = config.status(rep.statusId);
  if (status.connectStatus) return status.connectStatus;
  return status.channels.includes('voice') ? connect.routableStatus : connect.notRoutableStatus;
}

/**
 * The status to set again when Connect's differs from the one the rep's presence maps to and started before that
 * presence (semantics §8): the router's PutUserStatus did not take (throttled past its retries, lost). A status
 * the agent chose in the CCP after the router's last change is theirs, and one on a contact waits for its end.
 */
export function statusToRestore(config: CompiledConfig, rep: RepState, e: AgentSnapshot): string | undefined {
  if (e.eventType === 'LOGOUT' || e.statusName === undefined || e.statusSince === undefined) return undefined;
  if ((e.contacts ?? []).length > 0 || rep.presenceAt === undefined || rep.presenceAt <= e.statusSince)
    return undefined;
  const wanted = connectStatusFor(config, rep);
  return wanted === e.statusName ? undefined : wanted;
}
