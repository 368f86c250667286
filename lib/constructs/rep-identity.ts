import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  type CfnUserPoolClient,
  CfnUserPoolGroup,
  type IUserPool,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { API_SCOPE, DEFAULT_IDENTITY } from '../../lambdas/shared/identity';

/** An existing OpenID Connect issuer (Okta, Entra ID, IAM Identity Center) that people sign in with instead. */
export interface OidcIssuerProps {
  /** The `iss` of its tokens. */
  readonly issuer: string;
  /** Accepted `aud` values (for access tokens, the API's audience; for ID tokens, the client id). */
  readonly audience: readonly string[];
  /** Its JWKS, when not at `<issuer>/.well-known/jwks.json`. */
  readonly jwksUri?: string;
  /** Its authorization and token endpoints, for the workspace's sign-in (authorization code with PKCE). */
  readonly authorizeUrl: string;
  readonly tokenUrl: string;
  readonly logoutUrl?: string;
  /** The public client registered for the workspace (no secret). */
  readonly clientId: string;
  /** Scopes the workspace asks for (include `apiScope`). @default 'openid profile' */
  readonly scope?: string;
  /** The scope the HTTP API requires of people's tokens, which your issuer puts in access tokens only. */
  readonly apiScope?: string;
}

/** The user pool's resource server for the API, and its one scope (`unified-routing/work`). */
const [API_SCOPE_SERVER, API_SCOPE_NAME] = API_SCOPE.split('/') as [string, string];

/**
 * `ur-<stack name>-<the first 8 characters of the stack's id>`: stack ids are unique (their last part is a UUID),
 * so two deployers with the same stack name never ask for the same hosted domain.
 */
function uniquePrefix(stack: Stack): string {
  const uuid = Fn.select(2, Fn.split('/', stack.stackId));
  return Fn.join('-', [`ur-${stack.stackName}`.toLowerCase().slice(0, 40), Fn.select(0, Fn.split('-', uuid))]);
}

/** Props of RepIdentity. */
export interface RepIdentityProps {
  /** Sign in with this issuer; without it the stack creates a Cognito user pool. */
  readonly oidc?: OidcIssuerProps;
  /** Where the workspace is served: sign-in returns there. */
  readonly workspaceUrl: string;
  /** Where the Command Center is served: supervisors' sign-in returns there. */
  readonly commandCenterUrl?: string;
  /**
   * The Cognito hosted domain's prefix (user pool only), unique across AWS. @default `ur-<stack name>-<8 characters
   * of the stack's id>`, which no other deployer's stack has, in this Region or any
   */
  readonly domainPrefix?: string;
  /**
   * The user pool of an earlier deploy, to adopt instead of creating one: the pool and its two groups are retained
   * when the stack is destroyed, so people, their MFA enrolments and their groups survive a replaced stack.
   */
  readonly existingUserPoolId?: string;
  /** Claims naming the rep id, first present wins. @default ['username', 'cognito:username'] */
  readonly repIdClaims?: readonly string[];
  /** The claim listing groups. @default 'cognito:groups' */
  readonly groupsClaim?: string;
  /** @default 'reps' */
  readonly repGroup?: string;
  /** @default 'supervisors' */
  readonly supervisorGroup?: string;
}

/**
 * Who people are: a Cognito user pool with a reps group and a supervisors group (or an existing OIDC issuer), and
 * how the router maps a verified token to a rep (README, "Identity"). The HTTP API's JWT authorizer, the push
 * channel's authorizer and the workspace's sign-in all use it.
 */
export class RepIdentity extends Construct {
  readonly issuer: string;
  readonly audience: string[];
  /** The workspace's sign-in settings (its config.json `auth`). */
  readonly signIn: { authorizeUrl: string; tokenUrl: string; logoutUrl?: string; clientId: string; scope: string };
  /** What the functions that read tokens need: the verifier's and the claim mapping's settings. */
  readonly environment: Record<string, string>;
  readonly userPool?: IUserPool;
  readonly client?: UserPoolClient;
  /** The scope the HTTP API requires of people's tokens (the user pool's own; an issuer's `apiScope`). */
  readonly apiScope?: string;

  constructor(scope: Construct, id: string, props: RepIdentityProps) {
    super(scope, id);
    const mapping = {
      REP_ID_CLAIM: (props.repIdClaims ?? DEFAULT_IDENTITY.repIdClaims).join(','),
      GROUPS_CLAIM: props.groupsClaim ?? DEFAULT_IDENTITY.groupsClaim,
      REP_GROUP: props.repGroup ?? DEFAULT_IDENTITY.repGroup,
      SUPERVISOR_GROUP: props.supervisorGroup ?? DEFAULT_IDENTITY.supervisorGroup,
    };
    if (props.oidc) {
      const o = props.oidc;
      this.issuer = o.issuer;
      this.audience = [...o.audience];
      this.signIn = { ...o, scope: o.scope ?? 'openid profile' };
      this.apiScope = o.apiScope;
      this.environment = {
        ...mapping,
        OIDC_ISSUER: o.issuer,
        OIDC_AUDIENCE: o.audience.join(','),
        ...(o.jwksUri ? { OIDC_JWKS_URI: o.jwksUri } : {}),
      };
      return;
    }
    const pool = props.existingUserPoolId
      ? UserPool.fromUserPoolId(this, 'People', props.existingUserPoolId)
      : this.newPool(mapping, props.workspaceUrl);
    // The API's own scope: Cognito puts it in access tokens only, so the HTTP API refuses ID tokens.
    const workScope = new ResourceServerScope({
      scopeName: API_SCOPE_NAME,
      scopeDescription: 'work in unified-routing',
    });
    const server = pool.addResourceServer('Api', { identifier: API_SCOPE_SERVER, scopes: [workScope] });
    const work = OAuthScope.resourceServer(server, workScope);
    const client = pool.addClient('Workspace', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE, work],
        callbackUrls: [props.workspaceUrl, ...(props.commandCenterUrl ? [props.commandCenterUrl] : [])],
        logoutUrls: [props.workspaceUrl, ...(props.commandCenterUrl ? [props.commandCenterUrl] : [])],
      },
      preventUserExistenceErrors: true,
      // An hour at a time, refreshed by the pages; a refresh token outlasts the longest shift.
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(14),
    });
    // Only the refresh grant: people sign in through the hosted UI, never with a password sent by the page.
    (client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
    const domain = pool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? uniquePrefix(Stack.of(this)) },
    });
    const base = domain.baseUrl();
    this.userPool = pool;
    this.client = client;
    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${pool.userPoolId}`;
    this.audience = [client.userPoolClientId];
    this.signIn = {
      authorizeUrl: `${base}/oauth2/authorize`,
      tokenUrl: `${base}/oauth2/token`,
      logoutUrl: `${base}/logout`,
      clientId: client.userPoolClientId,
      scope: `openid profile ${API_SCOPE}`,
    };
    this.apiScope = API_SCOPE;
    this.environment = {
      ...mapping,
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: client.userPoolClientId,
    };
  }

  /** A new pool, retained with its groups if the stack is destroyed (adopt it again with `existingUserPoolId`). */
  private newPool(mapping: { REP_GROUP: string; SUPERVISOR_GROUP: string }, workspaceUrl: string): UserPool {
    const pool = new UserPool(this, 'People', {
      // Reps and supervisors are created by administrators, never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireSymbols: true,
        requireUppercase: true,
        requireLowercase: true,
        tempPasswordValidity: Duration.days(3),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // The invitation reaches the person: their user name, a temporary password and where to sign in.
      userInvitation: {
        emailSubject: 'Your unified-routing sign-in',
        emailBody: `Hello {username}: your temporary password is {####}. Sign in at ${workspaceUrl} to choose yours.`,
      },
    });
    for (const [groupId, name] of [
      ['Reps', mapping.REP_GROUP],
      ['Supervisors', mapping.SUPERVISOR_GROUP],
    ] as const)
      new CfnUserPoolGroup(this, groupId, { userPoolId: pool.userPoolId, groupName: name }).applyRemovalPolicy(
        RemovalPolicy.RETAIN,
      );
    return pool;
  }
}
