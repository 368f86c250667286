import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { LocalIdentityProvider, pkceChallenge } from '../../../lambdas/adapters/local/identity-provider';
import { LocalSignIn } from '../../../lambdas/local-center/sign-in';

/** A response that records what the sign-in wrote. */
function response() {
  const r = { status: 0, headers: {} as Record<string, string>, body: '' };
  const res = {
    writeHead: (status: number, headers: Record<string, string> = {}) => {
      r.status = status;
      r.headers = headers;
      return res;
    },
    end: (body = '') => {
      r.body = body;
    },
  };
  return { res: res as unknown as ServerResponse, r };
}

describe('the local sign-in: authorization code with PKCE, as the workspace runs it against Cognito', () => {
  const idp = new LocalIdentityProvider('http://localhost:8080/auth');
  const signIn = new LocalSignIn(idp, { reps: ['rep-h1'], supervisors: ['sup-1'] });
  const verifier = randomBytes(32).toString('base64url');
  const redirect = 'http://localhost:8080/rep/';

  const codeFor = (username: string, redirectUri = redirect) => {
    const { res, r } = response();
    const form = { username, redirect_uri: redirectUri, code_challenge: pkceChallenge(verifier), state: 's1' };
    signIn.authorize(res, new URLSearchParams(form));
    return { r, code: r.headers.location ? new URL(r.headers.location).searchParams.get('code') : null };
  };
  const exchange = (code: string, codeVerifier = verifier, redirectUri = redirect) => {
    const { res, r } = response();
    const form = { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri };
    signIn.token(res, new URLSearchParams(form));
    return { status: r.status, body: JSON.parse(r.body) as { access_token?: string; error?: string } };
  };

  it('gives a rep a verifiable token for the code, once, to the verifier that made the challenge', async () => {
    const { r, code } = codeFor('rep-h1');
    expect(r.status).toBe(302);
    expect(new URL(r.headers.location!).searchParams.get('state')).toBe('s1');
    const first = exchange(code!);
    expect(first.status).toBe(200);
    expect(await idp.verify(first.body.access_token!)).toMatchObject({
      username: 'rep-h1',
      'cognito:groups': ['reps'],
    });
    // The code is single-use.
    expect(exchange(code!)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a wrong verifier, another redirect, an unknown person and a page off this machine', () => {
    expect(exchange(codeFor('rep-h1').code!, 'not-the-verifier')).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect(exchange(codeFor('sup-1').code!, verifier, 'http://localhost:8080/elsewhere/')).toMatchObject({
      status: 400,
    });
    expect(codeFor('rep-zz').r.status).toBe(400);
    expect(codeFor('rep-h1', 'http://localhost.evil.example/rep/').r.status).toBe(400);
    expect(codeFor('rep-h1', 'https://localhost/rep/').r.status).toBe(400);
  });
});
