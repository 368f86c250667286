import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { optionalEnv, requireEnv } from './env';

/** Verifies a bearer token (signature, issuer, audience, expiry) and returns its claims; throws when it fails. */
export interface TokenVerifier {
  verify(token: string): Promise<Readonly<Record<string, unknown>>>;
}

/**
 * The verifier for the stack's identity provider, with aws-jwt-verify (keys fetched from the issuer's JWKS and
 * cached per process). With COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID: the user pool's access tokens. Otherwise
 * OIDC_ISSUER and OIDC_AUDIENCE (OIDC_JWKS_URI when the issuer does not serve `/.well-known/jwks.json`).
 */
export function verifierFromEnvironment(env: NodeJS.ProcessEnv = process.env): TokenVerifier {
  const userPoolId = optionalEnv('COGNITO_USER_POOL_ID', env);
  if (userPoolId) {
    const cognito = CognitoJwtVerifier.create({
      userPoolId,
      clientId: requireEnv('COGNITO_CLIENT_ID', env),
      tokenUse: 'access',
    });
    return { verify: async (token) => cognito.verify(token) };
  }
  const jwksUri = optionalEnv('OIDC_JWKS_URI', env);
  const oidc = JwtVerifier.create({
    issuer: requireEnv('OIDC_ISSUER', env),
    audience: requireEnv('OIDC_AUDIENCE', env).split(','),
    ...(jwksUri ? { jwksUri } : {}),
  });
  return { verify: async (token) => oidc.verify(token) };
}
