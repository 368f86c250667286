import type { Destination } from '../../../lambdas/domain/routing/transfer-destinations';
import type { RepView } from '../../../lambdas/domain/use-cases/queries';
import { type ApiCall, apiCall } from '../../shared/api-client';
import type { TokenSource } from '../../shared/auth';

/** The HTTP API as the signed-in rep. */
export class RepApi {
  private readonly call: ApiCall;
  constructor(
    base: string,
    tokens: TokenSource,
    readonly repId: string,
  ) {
    this.call = apiCall(base, tokens);
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
