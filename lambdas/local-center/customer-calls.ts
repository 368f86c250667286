import type { ServerResponse } from 'node:http';
import type { EmulatedVoice } from '../simulator/voice/emulated-voice';

const reply = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

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
  if (!line) return reply(res, 503, { reason: 'voice is not running in this center yet' });
  const hangUp = /^\/connect\/calls\/([^/]+)\/hang-up$/.exec(path);
  if (hangUp) {
    try {
      line.hangUpCustomer(decodeURIComponent(hangUp[1]!));
      return reply(res, 200, { contactId: hangUp[1] });
    } catch (err) {
      return reply(res, 404, { reason: (err as Error).message });
    }
  }
  if (path !== '/connect/calls') return reply(res, 404, { reason: `no such resource ${path}` });
  let input: { queue?: unknown; phoneNumber?: unknown };
  try {
    input = JSON.parse(body || '{}');
  } catch {
    return reply(res, 400, { reason: 'body: not JSON' });
  }
  if (typeof input.queue !== 'string' || !input.queue) return reply(res, 400, { reason: 'queue: required' });
  const phoneNumber = typeof input.phoneNumber === 'string' ? input.phoneNumber : '+15550123456';
  const placed = await line.call({ queue: input.queue, phoneNumber }).catch((err: Error) => err);
  if (placed instanceof Error || !placed) {
    const reason = placed instanceof Error ? placed.message : 'the flow hung up';
    return reply(res, 400, { reason: `queue: the hand-off refused the call (${reason})` });
  }
  reply(res, 201, { contactId: placed.contactId, itemId: placed.itemId });
}
