import type { DesktopMessage } from '../../lambdas/domain/routing/desktop-messages';
import { type TokenSource, tokenInfo } from './auth';

export type PushStatus = 'connecting' | 'live' | 'reconnecting';

/** API Gateway closes a connection idle for 10 minutes: a sync every 9 keeps it open (and the state fresh). */
const KEEP_ALIVE_MS = 9 * 60_000;

/**
 * The push channel: connects with the token, asks for the current state (`sync`) on every open, and reconnects
 * with backoff when the socket drops (API Gateway also ends a connection after two hours).
 */
export function openPush(
  url: string,
  tokens: TokenSource,
  onMessage: (m: DesktopMessage) => void,
  onStatus: (s: PushStatus) => void,
): () => void {
  let socket: WebSocket | undefined;
  let closed = false;
  let attempt = 0;
  const keepAlive = setInterval(() => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(sync());
  }, KEEP_ALIVE_MS);
  // Every sync carries the token now: the channel closes a socket whose person is no longer signed in.
  const sync = () => JSON.stringify({ action: 'sync', token: tokens.current() });
  const connect = async () => {
    // A reconnect (the socket dropped, or API Gateway's two hours ran out) uses a live token, never a dead one.
    if (!tokenInfo(tokens.current()) && !(await tokens.refresh())) return;
    if (closed) return;
    const target = new URL(url);
    target.searchParams.set('token', tokens.current());
    socket = new WebSocket(target.toString());
    socket.onopen = () => {
      attempt = 0;
      onStatus('live');
      socket?.send(sync());
    };
    socket.onmessage = (e) => onMessage(JSON.parse(String(e.data)) as DesktopMessage);
    socket.onclose = () => {
      if (closed) return;
      onStatus('reconnecting');
      setTimeout(() => void connect(), Math.min(10_000, 500 * 2 ** attempt++));
    };
  };
  onStatus('connecting');
  void connect();
  return () => {
    closed = true;
    clearInterval(keepAlive);
    socket?.close();
  };
}
