import type { Principal } from '../domain/access/principal';
import { optionalEnv } from './env';

/**
 * The scope people's tokens must grant the HTTP API: the user pool's resource server (`unified-routing`) and its
 * one scope. Only access tokens carry scopes, so API Gateway's JWT authorizer refuses an ID token for it.
 */
export const API_SCOPE = 'unified-routing/work';

/**
 * How a verified token names a person (README, "Identity"). Defaults fit the Cognito user pool the stack
 * creates: the rep id is the user name (`username` in access tokens, `cognito:username` in ID tokens) and
 * groups come in `cognito:groups`. For another OIDC issuer set the claims it uses (Okta `groups`, Entra ID
 * `roles`, a custom `rep_id`).
 */
export interface IdentitySettings {
  readonly repIdClaims: readonly string[];
  readonly groupsClaim: string;
  readonly repGroup: string;
  readonly supervisorGroup: string;
}

export const DEFAULT_IDENTITY: IdentitySettings = {
  repIdClaims: ['username', 'cognito:username'],
  groupsClaim: 'cognito:groups',
  repGroup: 'reps',
  supervisorGroup: 'supervisors',
};

/** REP_ID_CLAIM (comma-separated, first present wins), GROUPS_CLAIM, REP_GROUP, SUPERVISOR_GROUP. */
export function identityFromEnvironment(env: NodeJS.ProcessEnv = process.env): IdentitySettings {
  const claims = optionalEnv('REP_ID_CLAIM', env);
  return {
    repIdClaims: claims ? claims.split(',').map((c) => c.trim()) : DEFAULT_IDENTITY.repIdClaims,
    groupsClaim: optionalEnv('GROUPS_CLAIM', env) ?? DEFAULT_IDENTITY.groupsClaim,
    repGroup: optionalEnv('REP_GROUP', env) ?? DEFAULT_IDENTITY.repGroup,
    supervisorGroup: optionalEnv('SUPERVISOR_GROUP', env) ?? DEFAULT_IDENTITY.supervisorGroup,
  };
}

/**
 * Group claims as they arrive: a JSON array from a verifier, or the HTTP API JWT authorizer's flattening of
 * one into a string, `[reps supervisors]`; a comma- or space-separated string from issuers that send one.
 */
export function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value !== 'string') return [];
  const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return inner.split(/[\s,]+/).filter(Boolean);
}

/** The principal a verified token's claims describe. */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>, s: IdentitySettings): Principal {
  const groups = groupsOf(claims[s.groupsClaim]);
  const named = s.repIdClaims.map((c) => claims[c]).find((v) => typeof v === 'string' && v.length > 0);
  const subject = typeof claims.sub === 'string' ? claims.sub : String(named ?? '');
  return {
    kind: 'person',
    subject,
    ...(groups.includes(s.repGroup) && typeof named === 'string' ? { repId: named } : {}),
    supervisor: groups.includes(s.supervisorGroup),
    ...(groups.includes(s.supervisorGroup) && typeof named === 'string' ? { supervisorId: named } : {}),
  };
}

/** What the HTTP API's request context says of the caller (JWT claims, or an IAM signature, or nothing). */
export interface AuthorizerContext {
  readonly jwt?: { readonly claims?: Readonly<Record<string, unknown>> };
  readonly iam?: unknown;
}

export function principalOf(authorizer: AuthorizerContext | undefined, s: IdentitySettings): Principal {
  if (authorizer?.jwt?.claims) return principalFromClaims(authorizer.jwt.claims, s);
  if (authorizer?.iam) return { kind: 'machine' };
  return { kind: 'anonymous' };
}

/** Whom a push connection is bound to: a rep's desktop, or with `?as=supervisor` a supervisor's page. */
export function pushBinding(
  who: { readonly repId?: string; readonly supervisorId?: string },
  as: string | undefined,
): { repId: string } | { supervisorId: string } | undefined {
  if (as === 'supervisor') return who.supervisorId ? { supervisorId: who.supervisorId } : undefined;
  return who.repId ? { repId: who.repId } : undefined;
}
