import { createHash, createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { JwtVerifier } from 'aws-jwt-verify';
import type { TokenVerifier } from '../../shared/token-verifier';

export const LOCAL_AUDIENCE = 'unified-routing-local';
const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * The local contact center's OpenID provider: an RS256 key made at start, tokens it signs, and a verifier
 * (aws-jwt-verify, the library the Lambdas use) that trusts only that key. Tokens look like the Cognito user
 * pool's access tokens (`username`, `cognito:groups`), so the same identity settings map them.
 */
export class LocalIdentityProvider {
  private readonly privateKey: KeyObject;
  private readonly kid = randomUUID();
  readonly jwks: { keys: Record<string, unknown>[] };
  private readonly verifier;

  constructor(readonly issuer: string) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] };
    this.verifier = JwtVerifier.create({ issuer, audience: LOCAL_AUDIENCE });
    this.verifier.cacheJwks(this.jwks as never);
  }

  /**
   * A token for `username` in `groups`, valid for `ttlSeconds` from `now` (ms), for `audience`; an access token
   * carries `scope` (the user pool's access tokens do; its ID tokens carry none).
   */
  sign(
    username: string,
    groups: readonly string[],
    now = Date.now(),
    ttlSeconds = 3600,
    audience = LOCAL_AUDIENCE,
    scope?: string,
  ) {
    const iat = Math.floor(now / 1000);
    const claims = {
      iss: this.issuer,
      aud: audience,
      sub: `local-${username}`,
      username,
      'cognito:groups': groups,
      iat,
      exp: iat + ttlSeconds,
      jti: randomUUID(),
      ...(scope ? { scope } : {}),
    };
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(this.privateKey);
    return `${signingInput}.${b64url(signature)}`;
  }

  readonly verify: TokenVerifier['verify'] = async (token) => this.verifier.verify(token);
}

/** PKCE (RFC 7636, S256): the challenge a code verifier must hash to. */
export const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
