import type { ServerResponse } from 'node:http';
import type { EmulatedVoice } from '../simulator/voice/emulated-voice';
import { json } from './sign-in';

/**
 * The customers' side of the live center's Connect emulator, for people trying it: `POST /connect/calls` with
 * `{"queue": "support-voice"}` places a call through the inbound flow (answered with its contact and item), and
 * `POST /connect/calls/{contactId}/hang-up` hangs the caller up. Local only, like `/auth/dev-token`.
 */
export async function customerCalls(
  voice: () => EmulatedVoice | undefined,
  res: ServerResponse,
  path: string,
  body: string,
): Promise<void> {
  const line = voice();
  if (!line) return json(res, 503, { reason: 'voice is not running in this center yet' });
  const hangUp = /^\/connect\/calls\/([^/]+)\/hang-up$/.exec(path);
  if (hangUp) {
    try {
      line.hangUpCustomer(decodeURIComponent(hangUp[1]!));
      return json(res, 200, { contactId: hangUp[1] });
    } catch (err) {
      return json(res, 404, { reason: (err as Error).message });
    }
  }
  if (path !== '/connect/calls') return json(res, 404, { reason: `no such resource ${path}` });
  let input: { queue?: unknown; phoneNumber?: unknown };
  try {
    input = JSON.parse(body || '{}');
  } catch {
    return json(res, 400, { reason: 'body: not JSON' });
  }
  if (typeof input.queue !== 'string' || !input.queue) return json(res, 400, { reason: 'queue: required' });
  const phoneNumber = typeof input.phoneNumber === 'string' ? input.phoneNumber : '+15550123456';
  const placed = await line.call({ queue: input.queue, phoneNumber }).catch((err: Error) => err);
  if (placed instanceof Error || !placed) {
    const reason = placed instanceof Error ? placed.message : 'the flow hung up';
    return json(res, 400, { reason: `queue: the hand-off refused the call (${reason})` });
  }
  json(res, 201, { contactId: placed.contactId, itemId: placed.itemId });
}
