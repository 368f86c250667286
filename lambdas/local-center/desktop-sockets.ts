import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SupervisorNudge } from '../command-center/feed';
import type { DesktopPush } from '../domain/ports';
import type { DesktopMessage } from '../domain/routing/desktop-messages';
import type { Router } from '../domain/use-cases/router';
import { type IdentitySettings, principalFromClaims, pushBinding } from '../shared/identity';
import type { TokenVerifier } from '../shared/token-verifier';

/**
 * The push channel on localhost, speaking what the deployed WebSocket API speaks (docs/push.md): connect with
 * `?token=`, send `{"action":"sync"}` for a snapshot, then receive the rep's pushes. Each socket is bound to the
 * rep its token names, and a rep's messages go only to that rep's sockets.
 */
export class LocalDesktopPush implements DesktopPush, SupervisorNudge {
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly supervisors = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly identity: IdentitySettings,
    private readonly router: () => Router | undefined,
  ) {}

  async send(repId: string, message: DesktopMessage): Promise<void> {
    const data = JSON.stringify(message);
    for (const socket of this.sockets.get(repId) ?? []) socket.send(data);
  }

  /** Supervisors' pages are told to read the Command Center again. */
  async nudge(at: number): Promise<void> {
    const data = JSON.stringify({ type: 'commandCenter', at });
    for (const ws of this.supervisors) ws.send(data);
  }

  /**
   * An HTTP upgrade on the push path: refused with 401 unless the token is a rep's (or, `as=supervisor`, a
   * supervisor's).
   */
  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const claims = await this.verifier.verify(params.get('token') ?? '').catch(() => undefined);
    const who = claims ? principalFromClaims(claims, this.identity) : undefined;
    const bound = who?.kind === 'person' ? pushBinding(who, params.get('as') ?? undefined) : undefined;
    if (!bound) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if ('repId' in bound) this.attach(bound.repId, ws);
      else this.attachSupervisor(ws);
    });
  }

  private attachSupervisor(ws: WebSocket): void {
    this.supervisors.add(ws);
    ws.on('close', () => this.supervisors.delete(ws));
    ws.on('message', () => ws.send(JSON.stringify({ type: 'commandCenter', at: Date.now() })));
  }

  private attach(repId: string, ws: WebSocket): void {
    const mine = this.sockets.get(repId) ?? new Set<WebSocket>();
    this.sockets.set(repId, mine.add(ws));
    ws.on('close', () => mine.delete(ws));
    ws.on('message', async (raw) => {
      const router = this.router();
      const message = parsed(String(raw));
      if (!router || message?.action !== 'sync') return;
      // As deployed: a sync whose token no longer signs this rep in closes the socket (docs/push.md).
      if (!(await this.signsIn(message.token, repId))) return ws.close(4401, 'signed out');
      ws.send(JSON.stringify(await router.desktopSnapshot(repId)));
    });
  }

  private async signsIn(token: string | undefined, repId: string): Promise<boolean> {
    const claims = token ? await this.verifier.verify(token).catch(() => undefined) : undefined;
    const who = claims ? principalFromClaims(claims, this.identity) : undefined;
    return who?.kind === 'person' && who.repId === repId;
  }

  close(): void {
    for (const set of [...this.sockets.values(), this.supervisors]) for (const ws of set) ws.terminate();
    this.wss.close();
  }
}

function parsed(text: string): { action?: string; token?: string } | undefined {
  try {
    return JSON.parse(text) as { action?: string; token?: string };
  } catch {
    return undefined;
  }
}
