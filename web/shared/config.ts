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
    /**
     * This page's URL as the issuer allows it (Cognito's callback URLs): the deploy names it for each page, so a
     * path the CDN rewrote is never sent as the redirect. Absent (locally): the page's own URL.
     */
    readonly redirectUri?: string;
  };
  /** The softphone beside the rep's work; absent, the page says where to answer calls instead. */
  readonly softphone?: SoftphoneConfig;
}

/**
 * Deployed: the instance's CCP embedded with amazon-connect-streams (`ccpUrl` is the instance's
 * `https://ALIAS.my.connect.aws/ccp-v2/`; `loginUrl` its SAML sign-in, for instances that use SAML).
 * Local: a stand-in for the CCP that drives the Connect emulator's agent.
 */
export type SoftphoneConfig =
  | { readonly kind: 'ccp'; readonly ccpUrl: string; readonly region: string; readonly loginUrl?: string }
  | { readonly kind: 'standIn'; readonly url: string };

/** What the softphone panel shows of the rep's Connect agent: the same for the CCP and the stand-in. */
export interface SoftphoneView {
  readonly signedIn: boolean;
  readonly status: string;
  readonly statuses: readonly string[];
  readonly call?: {
    readonly contactId: string;
    readonly state: 'ringing' | 'connected' | 'onHold' | 'afterContactWork' | 'missed';
    readonly caller?: string;
  };
}

export async function loadConfig(): Promise<WorkspaceConfig> {
  const res = await fetch(new URL('config.json', location.href), { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  return res.json();
}
