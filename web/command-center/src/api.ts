import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';
import type { BacklogEntry } from '../../../lambdas/domain/use-cases/backlog';
import { ApiError } from '../../rep-workspace/src/api';

/** The HTTP API as the signed-in supervisor. */
export class SupervisorApi {
  constructor(
    private readonly base: string,
    private readonly token: string,
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
