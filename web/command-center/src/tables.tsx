import { useState } from 'preact/hooks';
import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';
import type { SupervisorApi } from './api';

type Act = (command: () => Promise<unknown>) => Promise<void>;
type Window = '15m' | '30m' | '60m' | 'today';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);
export const secs = (s: number | null) =>
  s === null ? '–' : s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;

export function Queues(props: {
  snapshot: CommandCenterSnapshot;
  selected?: string;
  onSelect: (queueId: string) => void;
}) {
  const [window, setWindow] = useState<Window>('15m');
  return (
    <section aria-labelledby="queues-h" class="wide">
      <h2 id="queues-h">Queues</h2>
      <label>
        Figures over{' '}
        <select
          name="window"
          value={window}
          onChange={(e) => setWindow((e.target as HTMLSelectElement).value as Window)}
        >
          <option value="15m">the last 15 minutes</option>
          <option value="30m">the last 30 minutes</option>
          <option value="60m">the last hour</option>
          <option value="today">since midnight ({props.snapshot.timeZone})</option>
        </select>
      </label>
      <table>
        <thead>
          <tr>
            <th>queue</th>
            <th>waiting</th>
            <th>longest wait</th>
            <th>offered</th>
            <th>accepted</th>
            <th>declined</th>
            <th>timed out</th>
            <th>abandoned</th>
            <th>service level</th>
            <th>speed of answer</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.snapshot.queues.map((q) => {
            const w = q.windows[window];
            return (
              <tr data-queue={q.id} class={props.selected === q.id ? 'selected' : ''}>
                <td>
                  {q.name} <small>{q.channel}</small>
                </td>
                <td class="waiting">{q.waiting}</td>
                <td class={q.longestWaitSeconds > 60 ? 'warn' : ''}>{secs(q.longestWaitSeconds)}</td>
                <td class="offered">{w.offered}</td>
                <td>{w.accepted}</td>
                <td>{w.declined}</td>
                <td>{w.timedOut}</td>
                <td>{w.abandoned}</td>
                <td>{pct(w.serviceLevel)}</td>
                <td>
                  {secs(w.averageSpeedOfAnswerSeconds === null ? null : Math.round(w.averageSpeedOfAnswerSeconds))}
                </td>
                <td>
                  <button type="button" onClick={() => props.onSelect(q.id)}>
                    Backlog
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function Reps({ api, snapshot, act }: { api: SupervisorApi; snapshot: CommandCenterSnapshot; act: Act }) {
  return (
    <section aria-labelledby="reps-h" class="wide">
      <h2 id="reps-h">Reps</h2>
      <table>
        <thead>
          <tr>
            <th>rep</th>
            <th>group</th>
            <th>status</th>
            <th>in status</th>
            <th>primary</th>
            <th>interruptible</th>
            <th>active</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.reps.map((r) => (
            <tr data-rep={r.id}>
              <td>{r.name}</td>
              <td>{r.group}</td>
              <td>
                <select
                  aria-label={`Status of ${r.name}`}
                  name={`status-${r.id}`}
                  value={r.loggedIn ? (r.statusId ?? '') : ''}
                  disabled={!r.loggedIn}
                  onChange={(e) => {
                    const v = (e.target as HTMLSelectElement).value;
                    act(() => api.setStatus(r.id, v === '' ? null : v));
                  }}
                >
                  <option value="">{r.loggedIn ? 'Log out' : 'Offline'}</option>
                  {snapshot.statuses.map((s) => (
                    <option value={s.id}>{s.name}</option>
                  ))}
                </select>
              </td>
              <td>{secs(r.statusSeconds)}</td>
              <td>
                {r.used.primary}/{r.capacity.primary}
              </td>
              <td>
                {r.used.interruptible}/{r.capacity.interruptible}
              </td>
              <td class="active">{r.activeItems}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
