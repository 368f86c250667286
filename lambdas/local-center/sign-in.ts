import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type LocalIdentityProvider, pkceChallenge } from '../adapters/local/identity-provider';
import { API_SCOPE } from '../shared/identity';

/** Who may sign in locally: the reps people play, and supervisors. */
export interface LocalPeople {
  readonly reps: readonly string[];
  readonly supervisors: readonly string[];
}

interface PendingCode {
  readonly username: string;
  readonly challenge: string;
  readonly redirectUri: string;
  readonly expiresAt: number;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A local stand-in for the Cognito hosted UI: the OAuth 2.0 authorization-code flow with PKCE (S256) that the
 * workspace runs against any issuer. `/auth/authorize` shows who may sign in; `/auth/token` trades the code for
 * tokens. No passwords: it serves localhost only. `/auth/dev-token?username=` gives integrators a token at once.
 */
export class LocalSignIn {
  private readonly codes = new Map<string, PendingCode>();
  /** Refresh tokens, by token, to the person they sign in again (a shift's session). */
  private readonly refreshTokens = new Map<string, string>();

  constructor(
    private readonly idp: LocalIdentityProvider,
    private readonly people: LocalPeople,
    /** Access tokens' lifetime (Cognito's default is an hour; tests shorten it to prove the refresh). */
    private readonly tokenSeconds = 3600,
  ) {}

  /** Refuses every refresh token given to `username` from now on, as a disabled or signed-out user's are. */
  endSessions(username: string): void {
    for (const [token, who] of this.refreshTokens) if (who === username) this.refreshTokens.delete(token);
  }

  groupsOf(username: string): string[] | undefined {
    if (this.people.reps.includes(username)) return ['reps'];
    if (this.people.supervisors.includes(username)) return ['supervisors'];
    return undefined;
  }

  authorizePage(res: ServerResponse, query: URLSearchParams): void {
    const hidden = ['redirect_uri', 'state', 'code_challenge', 'client_id']
      .map((k) => `<input type="hidden" name="${k}" value="${esc(query.get(k) ?? '')}">`)
      .join('');
    const button = (u: string, role: string) =>
      `<button name="username" value="${esc(u)}">${esc(u)} <small>${role}</small></button>`;
    const buttons = [
      ...this.people.reps.map((u) => button(u, 'rep')),
      ...this.people.supervisors.map((u) => button(u, 'supervisor')),
    ].join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · local</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto}button{display:block;width:100%;
margin:.4rem 0;padding:.6rem;font-size:1rem;text-align:left}</style></head><body><h1>Sign in</h1>
<p>Local contact center: choose who you are.</p><form method="post" action="/auth/authorize">${hidden}${buttons}
</form></body></html>`);
  }

  /** The form's answer: a one-time code bound to the PKCE challenge and redirect, back to the client. */
  authorize(res: ServerResponse, form: URLSearchParams): void {
    const username = form.get('username') ?? '';
    const redirectUri = form.get('redirect_uri') ?? '';
    if (!this.groupsOf(username) || !isLocal(redirectUri)) {
      json(res, 400, { error: 'invalid_request' });
      return;
    }
    const code = randomBytes(16).toString('base64url');
    const challenge = form.get('code_challenge') ?? '';
    this.codes.set(code, { username, challenge, redirectUri, expiresAt: Date.now() + 60_000 });
    const to = new URL(redirectUri);
    to.searchParams.set('code', code);
    if (form.get('state')) to.searchParams.set('state', form.get('state')!);
    res.writeHead(302, { location: to.toString() });
    res.end();
  }

  token(res: ServerResponse, form: URLSearchParams): void {
    if (form.get('grant_type') === 'refresh_token') {
      // The refresh grant (RFC 6749 §6), as Cognito's token endpoint answers it: a new access token, same refresh.
      const username = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (username && this.groupsOf(username)) json(res, 200, this.accessOnly(username));
      else json(res, 400, { error: 'invalid_grant' });
      return;
    }
    const code = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const valid =
      code !== undefined &&
      code.expiresAt >= Date.now() &&
      pkceChallenge(verifier) === code.challenge &&
      form.get('redirect_uri') === code.redirectUri;
    if (valid) json(res, 200, this.tokens(code.username));
    else json(res, 400, { error: 'invalid_grant' });
  }

  devToken(res: ServerResponse, query: URLSearchParams): void {
    const username = query.get('username') ?? '';
    if (this.groupsOf(username)) json(res, 200, this.tokens(username));
    else json(res, 404, { error: `no local person '${username}'` });
  }

  private tokens(username: string) {
    const refresh = randomBytes(24).toString('base64url');
    this.refreshTokens.set(refresh, username);
    return { ...this.accessOnly(username), refresh_token: refresh };
  }

  private accessOnly(username: string) {
    const groups = this.groupsOf(username)!;
    const at = Date.now();
    const access = this.idp.sign(username, groups, at, this.tokenSeconds, undefined, `openid ${API_SCOPE}`);
    const id = this.idp.sign(username, groups, at, this.tokenSeconds);
    return { access_token: access, id_token: id, token_type: 'Bearer', expires_in: this.tokenSeconds };
  }
}

/** A JSON answer the browser must not cache: every local endpoint's. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Codes go back only to a page on this machine. */
function isLocal(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
  } catch {
    return false;
  }
}
