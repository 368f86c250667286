import type { TokenSource } from './auth';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; reason?: string; field?: string; problems?: string[] },
  ) {
    super(body.reason ?? body.problems?.join('; ') ?? body.error ?? `HTTP ${status}`);
  }
}

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * Calls the HTTP API as the signed-in person: every call carries the current token, and a 401 (a token that ran out
 * between its refreshes, or was revoked) refreshes it and tries once more, so none reaches the page unless the
 * session has ended. Errors carry the API's reason.
 */
export function apiCall(base: string, tokens: TokenSource): ApiCall {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const send = () =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.current()}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    let res = await send();
    if (res.status === 401 && (await tokens.refresh())) res = await send();
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, json);
    return json as T;
  };
}
