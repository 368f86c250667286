import { useEffect, useState } from 'preact/hooks';
import type { Destination } from '../../../lambdas/domain/routing/transfer-destinations';
import type { RepApi } from './api';

const PAGE = 10;

/** The rep's transfer destinations: searchable, filtered by kind, a page at a time (the API pages them). */
export function TransferPanel({ api, onChoose }: { api: RepApi; onChoose: (to: unknown) => void }) {
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<{ items: Destination[]; cursor?: string }>({ items: [] });
  const cursor = cursors.at(-1);
  useEffect(() => {
    // Typing sends a query per key: an answer that arrives after a newer query was sent is dropped.
    let current = true;
    api.destinations({ search, kind, cursor, limit: PAGE }).then(
      (p) => current && setPage(p),
      () => current && setPage({ items: [] }),
    );
    return () => {
      current = false;
    };
  }, [search, kind, cursor]);
  const restart = () => setCursors([undefined]);
  const target = (d: Destination) =>
    d.kind === 'rep'
      ? { kind: 'rep', repId: d.id }
      : d.kind === 'queue'
        ? { kind: 'queue', queueId: d.id }
        : { kind: 'routingFlow', name: d.id };
  return (
    <fieldset class="transfer" aria-label="Transfer destinations">
      <input
        type="search"
        placeholder="Search destinations"
        aria-label="Search destinations"
        value={search}
        onInput={(e) => {
          setSearch((e.target as HTMLInputElement).value);
          restart();
        }}
      />
      <select
        aria-label="Kind"
        value={kind}
        onChange={(e) => {
          setKind((e.target as HTMLSelectElement).value);
          restart();
        }}
      >
        <option value="">All</option>
        <option value="queue">Queues</option>
        <option value="rep">Reps</option>
        <option value="routingFlow">Routing flows</option>
      </select>
      <ul>
        {page.items.map((d) => (
          <li>
            <button type="button" onClick={() => onChoose(target(d))}>
              {d.name}{' '}
              <small>
                {d.kind} · {d.detail}
              </small>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
        Previous
      </button>{' '}
      <button type="button" disabled={!page.cursor} onClick={() => setCursors([...cursors, page.cursor])}>
        Next
      </button>
    </fieldset>
  );
}
