import type { WorkspaceConfig } from './config';

const TOKEN_KEY = 'ur.token';
const VERIFIER_KEY = 'ur.pkce';
const STATE_KEY = 'ur.state';

/**
 * The access token of a signed-in person, kept fresh: refreshed before it runs out with the refresh token (held in
 * memory only, never stored), and once more on demand after a 401. When the issuer refuses, the session ends.
 */
export interface TokenSource {
  current(): string;
  /** Gets a new access token now; false when the issuer refused (the session has ended). */
  refresh(): Promise<boolean>;
  /** Called once if the session ends (refresh refused): the page asks the person to sign in again. */
  onEnded(listener: () => void): void;
}

export interface Session {
  /** The access token now (it changes as it is refreshed). */
  readonly token: string;
  readonly tokens: TokenSource;
  /** The rep id the token names (read for display; the API verifies the token itself). */
  readonly repId: string;
}

const b64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
}

/** Who the token names and until when; undefined for an expired one. */
export function tokenInfo(token: string): { repId: string; expiresAt: number } | undefined {
  const c = claimsOf(token);
  const repId = (c.username ?? c['cognito:username'] ?? c.rep_id ?? c.sub) as string | undefined;
  const expiresAt = Number(c.exp) * 1000;
  return repId && expiresAt > Date.now() ? { repId, expiresAt } : undefined;
}

/** The deploy names each page's redirect URI (the one the issuer allows); locally it is the page's own URL. */
const redirectUri = (config: WorkspaceConfig) => config.auth.redirectUri ?? `${location.origin}${location.pathname}`;

/** Starts the authorization-code flow with PKCE: to the issuer's sign-in page, and back here with a code. */
export async function signIn(config: WorkspaceConfig): Promise<void> {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  sessionStorage.setItem(STATE_KEY, state);
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = new URL(config.auth.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.clientId,
    redirect_uri: redirectUri(config),
    scope: config.auth.scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }).toString();
  location.assign(url.toString());
}

/**
 * Back from the issuer with `?code=`: the `state` must be the one this tab sent (else it is another site's sign-in
 * forced on this tab: refused before the code is used), then the code is traded for tokens.
 */
export async function completeSignIn(config: WorkspaceConfig): Promise<Session | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? sessionFrom(config, token) : undefined;
  }
  history.replaceState(null, '', redirectUri(config));
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(STATE_KEY);
  if (!expected || params.get('state') !== expected)
    throw new Error("sign-in refused: the answer does not match this tab's request (state); sign in again");
  const body = await tokenRequest(config, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(config),
    code_verifier: sessionStorage.getItem(VERIFIER_KEY) ?? '',
  });
  if (!body) throw new Error('sign-in failed: the issuer refused the code; sign in again');
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  return sessionFrom(config, body.access_token, body.refresh_token);
}

async function tokenRequest(config: WorkspaceConfig, form: Record<string, string>) {
  const res = await fetch(config.auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form, client_id: config.auth.clientId }),
  });
  return res.ok ? ((await res.json()) as { access_token: string; refresh_token?: string }) : undefined;
}

function sessionFrom(config: WorkspaceConfig, first: string, refreshToken?: string): Session | undefined {
  const info = tokenInfo(first);
  if (!info) return undefined;
  const tokens = freshTokens(config, first, refreshToken);
  return {
    get token() {
      return tokens.current();
    },
    tokens,
    repId: info.repId,
  };
}

/** Refreshes at three quarters of the token's life, and a minute before its end at the latest. */
const refreshDelay = (expiresAt: number) => {
  const life = expiresAt - Date.now();
  return Math.max(1000, life - Math.min(60_000, life / 4));
};

function freshTokens(config: WorkspaceConfig, first: string, refreshToken?: string): TokenSource {
  let token = first;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Promise<boolean> | undefined;
  const ended: Array<() => void> = [];
  const schedule = () => {
    clearTimeout(timer);
    const info = tokenInfo(token);
    if (info) timer = setTimeout(() => void refresh(), refreshDelay(info.expiresAt));
  };
  const attempt = async (): Promise<boolean> => {
    const body = refreshToken
      ? await tokenRequest(config, { grant_type: 'refresh_token', refresh_token: refreshToken }).catch(() => undefined)
      : undefined;
    if (!body) {
      // No refresh token (the page was reloaded) or the issuer refused it (a disabled user): sign in again.
      sessionStorage.removeItem(TOKEN_KEY);
      for (const listener of ended.splice(0)) listener();
      return false;
    }
    token = body.access_token;
    if (body.refresh_token) refreshToken = body.refresh_token;
    sessionStorage.setItem(TOKEN_KEY, token);
    schedule();
    return true;
  };
  const refresh = () => {
    pending ??= attempt().finally(() => {
      pending = undefined;
    });
    return pending;
  };
  schedule();
  return { current: () => token, refresh, onEnded: (listener) => ended.push(listener) };
}

export function signOut(config: WorkspaceConfig): void {
  sessionStorage.removeItem(TOKEN_KEY);
  if (config.auth.logoutUrl) {
    const url = new URL(config.auth.logoutUrl);
    url.searchParams.set('client_id', config.auth.clientId);
    url.searchParams.set('logout_uri', redirectUri(config));
    location.assign(url.toString());
  } else location.reload();
}
