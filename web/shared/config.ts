/** What the workspace is told by the `config.json` served beside it (by the stack, or the local center). */
export interface WorkspaceConfig {
  /** The HTTP API's base URL. */
  readonly apiUrl: string;
  /** The push channel's WebSocket URL. */
  readonly pushUrl: string;
  /** The OAuth 2.0 authorization-code flow with PKCE, against Cognito's hosted UI or any OIDC issuer. */
  readonly auth: {
    readonly authorizeUrl: string;
    readonly tokenUrl: string;
    readonly clientId: string;
    readonly scope: string;
    /** Where the issuer signs people out, if it has such an endpoint. */
    readonly logoutUrl?: string;
  };
}

export async function loadConfig(): Promise<WorkspaceConfig> {
  const res = await fetch(new URL('config.json', location.href), { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  return res.json();
}
