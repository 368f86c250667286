import { useEffect, useState } from 'preact/hooks';
import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';
import type { BacklogEntry } from '../../../lambdas/domain/use-cases/backlog';
import type { SupervisorApi } from './api';
import { secs } from './tables';

type Act = (command: () => Promise<unknown>) => Promise<void>;

/** A queue's waiting work with why each item waits, and the actions a supervisor takes on it. */
export function Backlog(props: {
  api: SupervisorApi;
  snapshot: CommandCenterSnapshot;
  queueId: string;
  act: Act;
  tick: number;
}) {
  const { api, snapshot, queueId, act } = props;
  const [items, setItems] = useState<BacklogEntry[]>([]);
  useEffect(() => {
    let current = true;
    const kinds = ['queue', 'skills', 'direct'] as const;
    Promise.all(kinds.map((k) => api.backlog(queueId, k))).then(
      (pages) => current && setItems(pages.flatMap((p) => p.items).sort((a, b) => b.waitMs - a.waitMs)),
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [queueId, props.tick]);
  const queue = snapshot.queues.find((q) => q.id === queueId);
  const sameChannel = snapshot.queues.filter((q) => q.channel === queue?.channel && q.id !== queueId);
  const reps = snapshot.reps.filter((r) => r.loggedIn);
  return (
    <section aria-labelledby="backlog-h" class="wide">
      <h2 id="backlog-h">Backlog · {queue?.name}</h2>
      {items.length === 0 && <p class="empty">Nothing waiting.</p>}
      <ul>
        {items.map((i) => (
          <li class="backlog-item" data-item={i.itemId}>
            <div>
              <b>{i.itemId}</b> · waiting {secs(Math.round(i.waitMs / 1000))}
              {i.priority !== undefined && <> · priority {i.priority}</>}
              {i.skills && <> · needs {i.skills.map((s) => `${s.skill} ≥ ${s.minLevel}`).join(', ')}</>}
              {i.preferredRep && <> · for {i.preferredRep}</>}
            </div>
            <p class="why">{i.why.summary}</p>
            <div class="actions">
              <label>
                Assign to{' '}
                <select
                  name="assign"
                  onChange={(e) => {
                    const repId = (e.target as HTMLSelectElement).value;
                    if (repId) act(() => api.assign(i.itemId, repId));
                  }}
                >
                  <option value="">choose a rep…</option>
                  {reps.map((r) => (
                    <option value={r.id}>{r.name}</option>
                  ))}
                </select>
              </label>
              <label>
                Move to{' '}
                <select
                  name="move"
                  onChange={(e) => {
                    const to = (e.target as HTMLSelectElement).value;
                    if (to) act(() => api.move(i.itemId, to));
                  }}
                >
                  <option value="">choose a queue…</option>
                  {sameChannel.map((q) => (
                    <option value={q.id}>{q.name}</option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => act(() => api.prioritize(i.itemId, 1))}>
                Put first (priority 1)
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
