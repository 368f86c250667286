import type { DesktopMessage } from '../../lambdas/domain/routing/desktop-messages';

export type PushStatus = 'connecting' | 'live' | 'reconnecting';

/** API Gateway closes a connection idle for 10 minutes: a sync every 9 keeps it open (and the state fresh). */
const KEEP_ALIVE_MS = 9 * 60_000;

/**
 * The push channel: connects with the token, asks for the current state (`sync`) on every open, and reconnects
 * with backoff when the socket drops (API Gateway also ends a connection after two hours).
 */
export function openPush(
  url: string,
  token: string,
  onMessage: (m: DesktopMessage) => void,
  onStatus: (s: PushStatus) => void,
): () => void {
  let socket: WebSocket | undefined;
  let closed = false;
  let attempt = 0;
  const keepAlive = setInterval(() => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ action: 'sync' }));
  }, KEEP_ALIVE_MS);
  const connect = () => {
    const target = new URL(url);
    target.searchParams.set('token', token);
    socket = new WebSocket(target.toString());
    socket.onopen = () => {
      attempt = 0;
      onStatus('live');
      socket?.send(JSON.stringify({ action: 'sync' }));
    };
    socket.onmessage = (e) => onMessage(JSON.parse(String(e.data)) as DesktopMessage);
    socket.onclose = () => {
      if (closed) return;
      onStatus('reconnecting');
      setTimeout(connect, Math.min(10_000, 500 * 2 ** attempt++));
    };
  };
  onStatus('connecting');
  connect();
  return () => {
    closed = true;
    clearInterval(keepAlive);
    socket?.close();
  };
}
