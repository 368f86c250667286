import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SoftphoneView } from '../../web/shared/config';
import type { ConnectInstance } from '../adapters/local/connect-emulator/instance';
import type { AgentContactState } from '../adapters/local/connect-emulator/model';
import * as people from '../adapters/local/connect-emulator/people';
import { type IdentitySettings, principalFromClaims } from '../shared/identity';
import type { TokenVerifier } from '../shared/token-verifier';
import type { EmulatedVoice } from '../simulator/voice/emulated-voice';
import { json } from './sign-in';

type CallState = NonNullable<SoftphoneView['call']>['state'];

const CALL_STATE: Record<AgentContactState, CallState> = {
  CONNECTING: 'ringing',
  CONNECTED: 'connected',
  CONNECTED_ONHOLD: 'onHold',
  ENDED: 'afterContactWork',
  MISSED: 'missed',
};

/** The person's actions, as the CCP's buttons are: each on the signed-in rep's own Connect user only. */
const ACTIONS: Record<string, (i: ConnectInstance, userId: string, body: { status?: string }) => void> = {
  'sign-in': (i, u) => people.signIn(i, u),
  'sign-out': (i, u) => people.signOut(i, u),
  answer: (i, u) => people.answer(i, u),
  reject: (i, u) => people.reject(i, u),
  hold: (i, u) => people.hold(i, u, true),
  resume: (i, u) => people.hold(i, u, false),
  'hang-up': (i, u) => people.hangUpAgent(i, u),
  'close-contact': (i, u) => people.closeContact(i, u),
  status: (i, u, b) => people.chooseStatus(i, u, b.status ?? ''),
};

/**
 * The live center's softphone stand-in (`/softphone/…`): where the deployed workspace embeds the CCP, the local
 * one drives the Connect emulator's agent as a person drives the CCP: sign in, answer, reject, hold, hang up,
 * close after-contact work, pick a status. A bearer token names the rep; nobody acts on another's softphone.
 */
export function softphoneStandIn(parts: {
  readonly voice: () => EmulatedVoice | undefined;
  readonly verify: TokenVerifier['verify'];
  readonly identity: IdentitySettings;
}) {
  return async (req: IncomingMessage, res: ServerResponse, path: string, body: string): Promise<void> => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const claims = await parts.verify(token).catch(() => undefined);
    const who = claims ? principalFromClaims(claims, parts.identity) : undefined;
    const repId = who?.kind === 'person' ? who.repId : undefined;
    if (!repId) return json(res, 401, { reason: 'sign in as a rep to use the softphone' });
    const voice = parts.voice();
    const userId = voice?.connectUserOf(repId);
    if (!voice || !userId) return json(res, 404, { reason: `${repId} has no Connect user here` });
    const instance = voice.emulator.instance;
    const action = /^\/softphone\/([a-z-]+)$/.exec(path)?.[1] ?? '';
    if (req.method === 'POST') {
      const act = ACTIONS[action];
      if (!act) return json(res, 404, { reason: `no softphone action '${action}'` });
      try {
        act(instance, userId, body ? (JSON.parse(body) as { status?: string }) : {});
      } catch (err) {
        return json(res, 409, { reason: (err as Error).message });
      }
    } else if (action !== 'state') return json(res, 404, { reason: `no softphone resource '${action}'` });
    json(res, 200, viewOf(instance, userId));
  };
}

export function viewOf(instance: ConnectInstance, userId: string): SoftphoneView {
  const user = instance.user(userId);
  const held = user.contact;
  const contact = held ? instance.contacts.get(held.contactId) : undefined;
  return {
    signedIn: user.softphone === 'open',
    status: instance.status(user.status.statusId).name,
    statuses: [...instance.statuses.values()].map((s) => s.name),
    ...(held
      ? { call: { contactId: held.contactId, state: CALL_STATE[held.state], caller: contact?.phoneNumber } }
      : {}),
  };
}
