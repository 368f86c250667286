import { useState } from 'preact/hooks';
import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';
import type { SupervisorApi } from './api';
import {
  breaches,
  type Health,
  type QueueView,
  serviceLevelHealth,
  sparkline,
  type Window,
  waitHealth,
} from './health';

type Act = (command: () => Promise<unknown>) => Promise<void>;

const WINDOW_NAMES: Record<Window, string> = {
  '15m': 'in the last 15 minutes',
  '30m': 'in the last 30 minutes',
  '60m': 'in the last hour',
  today: 'since midnight',
};
const MINUTES: Record<Window, number> = { '15m': 15, '30m': 30, '60m': 60, today: 60 };

/** A figure with its state in colour and in words (a supervisor need not tell red from green). */
function Judged(props: { text: string; health?: Health; label: string }) {
  if (!props.health) return <td>{props.text}</td>;
  return (
    <td class={`health ${props.health}`}>
      {props.text} <span class="state">{props.health}</span>
      <span class="sr-only"> {props.label}</span>
    </td>
  );
}

/** The queue's service level per minute and its waiting work over the window, as two small lines. */
function Trend({ q, window }: { q: QueueView; window: Window }) {
  const sl = q.trend.serviceLevel.slice(-MINUTES[window]).map((p) => p.serviceLevel);
  const since = Date.now() - MINUTES[window] * 60_000;
  const waiting = q.trend.waiting.filter((p) => p.at >= since).map((p) => p.waiting);
  const top = Math.max(1, ...waiting);
  return (
    <td>
      <svg class="trend" width="120" height="24" role="img" aria-label={`trend of ${q.name} ${WINDOW_NAMES[window]}`}>
        <polyline class="waiting" points={sparkline(waiting, top)} />
        <polyline class="sl" points={sparkline(sl, 1)} />
      </svg>
    </td>
  );
}

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
      {(() => {
        const lines = breaches(props.snapshot.queues, window, WINDOW_NAMES[window]);
        return lines.length ? (
          <div class="alert" role="alert">
            {lines.map((l) => (
              <p>{l}</p>
            ))}
          </div>
        ) : (
          <p class="all-ok">Every queue within its targets {WINDOW_NAMES[window]}.</p>
        );
      })()}
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
            <th>trend</th>
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
                <Judged
                  text={secs(q.longestWaitSeconds)}
                  health={waitHealth(q.longestWaitSeconds, q.targets.longestWaitSeconds)}
                  label={`against a limit of ${secs(q.targets.longestWaitSeconds)}`}
                />
                <td class="offered">{w.offered}</td>
                <td>{w.accepted}</td>
                <td>{w.declined}</td>
                <td>{w.timedOut}</td>
                <td>{w.abandoned}</td>
                <Judged
                  text={pct(w.serviceLevel)}
                  health={serviceLevelHealth(w.serviceLevel, q.targets.serviceLevel)}
                  label={`against a target of ${pct(q.targets.serviceLevel)}`}
                />
                <td>
                  {secs(w.averageSpeedOfAnswerSeconds === null ? null : Math.round(w.averageSpeedOfAnswerSeconds))}
                </td>
                <Trend q={q} window={window} />
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

/** How many reps are in each status (Offline last), the count a supervisor reads first. */
function byState(snapshot: CommandCenterSnapshot): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of snapshot.reps) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a === 'Offline' ? 1 : b === 'Offline' ? -1 : a.localeCompare(b)));
}

export function Reps({ api, snapshot, act }: { api: SupervisorApi; snapshot: CommandCenterSnapshot; act: Act }) {
  return (
    <section aria-labelledby="reps-h" class="wide">
      <h2 id="reps-h">Reps</h2>
      <ul class="by-state" aria-label="reps by status">
        {byState(snapshot).map(([status, n]) => (
          <li class={`chip ${status === 'Offline' ? 'offline' : 'on'}`}>
            {status} <strong>{n}</strong>
          </li>
        ))}
      </ul>
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
