export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; reason?: string; field?: string; problems?: string[] },
  ) {
    super(body.reason ?? body.problems?.join('; ') ?? body.error ?? `HTTP ${status}`);
  }
}

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Calls the HTTP API as the signed-in person: every call carries the token; errors carry the API's reason. */
export function apiCall(base: string, token: string): ApiCall {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, json);
    return json as T;
  };
}
