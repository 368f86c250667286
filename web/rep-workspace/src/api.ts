import type { Destination } from '../../../lambdas/domain/routing/transfer-destinations';
import type { RepView } from '../../../lambdas/domain/use-cases/queries';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: string; reason?: string; field?: string; problems?: string[] },
  ) {
    super(body.reason ?? body.problems?.join('; ') ?? body.error ?? `HTTP ${status}`);
  }
}

/** The HTTP API as the signed-in rep: every call carries the token; errors carry the API's reason. */
export class RepApi {
  constructor(
    private readonly base: string,
    private readonly token: string,
    readonly repId: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, json);
    return json as T;
  }

  private rep = (suffix = '') => `/reps/${encodeURIComponent(this.repId)}${suffix}`;
  private item = (itemId: string, action: string) => `/items/${encodeURIComponent(itemId)}/${action}`;

  view = () => this.call<RepView>('GET', this.rep());
  logIn = (statusId: string) => this.call('POST', this.rep('/login'), { statusId });
  changeStatus = (statusId: string) => this.call('PUT', this.rep('/status'), { statusId });
  logOut = () => this.call('POST', this.rep('/logout'));
  accept = (itemId: string) => this.call('POST', this.item(itemId, 'accept'), {});
  decline = (itemId: string, reason?: string) => this.call('POST', this.item(itemId, 'decline'), { reason });
  complete = (itemId: string) => this.call('POST', this.item(itemId, 'complete'), {});
  endWrapUp = (itemId: string) => this.call('POST', this.item(itemId, 'end-wrap-up'), {});
  transfer = (itemId: string, to: unknown) => this.call('POST', this.item(itemId, 'transfer'), { to });
  reserveOutbound = (callId: string, queueId?: string) =>
    this.call('POST', this.rep('/outbound'), { callId, ...(queueId ? { queueId } : {}) });
  destinations = (q: { search?: string; kind?: string; cursor?: string; limit?: number }) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '') as never);
    return this.call<{ items: Destination[]; cursor?: string }>(
      'GET',
      `${this.rep('/transfer-destinations')}?${params}`,
    );
  };
}
