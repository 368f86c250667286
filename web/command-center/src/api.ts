import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';
import type { BacklogEntry } from '../../../lambdas/domain/use-cases/backlog';
import { type ApiCall, apiCall } from '../../shared/api-client';
import type { TokenSource } from '../../shared/auth';

/** The HTTP API as the signed-in supervisor. */
export class SupervisorApi {
  private readonly call: ApiCall;
  constructor(base: string, tokens: TokenSource) {
    this.call = apiCall(base, tokens);
  }

  snapshot = () => this.call<CommandCenterSnapshot>('GET', '/supervisor/command-center');
  backlog = (queueId: string, routing: 'queue' | 'skills' | 'direct') =>
    this.call<{ items: BacklogEntry[] }>(
      'GET',
      `/supervisor/queues/${encodeURIComponent(queueId)}/backlog?routing=${routing}&limit=50`,
    );
  setStatus = (repId: string, statusId: string | null) =>
    this.call('PUT', `/supervisor/reps/${encodeURIComponent(repId)}/status`, { statusId });
  assign = (itemId: string, repId: string) =>
    this.call('POST', `/supervisor/items/${encodeURIComponent(itemId)}/assign`, { repId });
  move = (itemId: string, queueId: string) =>
    this.call('POST', `/supervisor/items/${encodeURIComponent(itemId)}/move`, { queueId });
  prioritize = (itemId: string, priority: number) =>
    this.call('PUT', `/supervisor/items/${encodeURIComponent(itemId)}/priority`, { priority });
}
