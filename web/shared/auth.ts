import type { WorkspaceConfig } from './config';

const TOKEN_KEY = 'ur.token';
const VERIFIER_KEY = 'ur.pkce';

export interface Session {
  readonly token: string;
  /** The rep id the token names (read for display; the API verifies the token itself). */
  readonly repId: string;
  readonly expiresAt: number;
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

export function sessionOf(token: string): Session | undefined {
  const c = claimsOf(token);
  const repId = (c.username ?? c['cognito:username'] ?? c.rep_id ?? c.sub) as string | undefined;
  const exp = Number(c.exp) * 1000;
  return repId && exp > Date.now() ? { token, repId, expiresAt: exp } : undefined;
}

export function currentSession(): Session | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? sessionOf(token) : undefined;
}

const redirectUri = () => `${location.origin}${location.pathname}`;

/** Starts the authorization-code flow with PKCE: to the issuer's sign-in page, and back here with a code. */
export async function signIn(config: WorkspaceConfig): Promise<void> {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const url = new URL(config.auth.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.clientId,
    redirect_uri: redirectUri(),
    scope: config.auth.scope,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: b64url(crypto.getRandomValues(new Uint8Array(8))),
  }).toString();
  location.assign(url.toString());
}

/** Back from the issuer with `?code=`: trades it for tokens, keeps the access token for this tab. */
export async function completeSignIn(config: WorkspaceConfig): Promise<Session | undefined> {
  const code = new URLSearchParams(location.search).get('code');
  if (!code) return currentSession();
  history.replaceState(null, '', redirectUri());
  const res = await fetch(config.auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: config.auth.clientId,
      redirect_uri: redirectUri(),
      code_verifier: sessionStorage.getItem(VERIFIER_KEY) ?? '',
    }),
  });
  if (!res.ok) throw new Error(`sign-in failed (${res.status})`);
  const { access_token: token } = (await res.json()) as { access_token: string };
  sessionStorage.setItem(TOKEN_KEY, token);
  return sessionOf(token);
}

export function signOut(config: WorkspaceConfig): void {
  sessionStorage.removeItem(TOKEN_KEY);
  if (config.auth.logoutUrl) {
    const url = new URL(config.auth.logoutUrl);
    url.searchParams.set('client_id', config.auth.clientId);
    url.searchParams.set('logout_uri', redirectUri());
    location.assign(url.toString());
  } else location.reload();
}
