import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { liveCallOf, type WorkItem } from '../../../lambdas/domain/routing/work-item';
import type { RepApi } from './api';
import type { DeskState } from './desk-state';
import { OfferCard } from './offer-card';
import { TransferPanel } from './transfer-panel';

type Act = (command: () => Promise<unknown>) => Promise<void>;

/** Ticks once a second, so waits and countdowns move. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export const seconds = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};

const takes = (channels: readonly string[] | undefined) =>
  channels === undefined
    ? 'Logged out: no work is offered.'
    : channels.length
      ? `Takes ${channels.join(', ')}.`
      : 'Takes no work.';

function Presence({ api, state, act }: { api: RepApi; state: DeskState; act: Act }) {
  const rep = state.rep;
  const loggedIn = rep !== undefined && 'sessionId' in rep && rep.sessionId !== undefined;
  const current = loggedIn ? (rep.statusId ?? '') : '';
  const change = (statusId: string) =>
    act(() => (statusId === '' ? api.logOut() : loggedIn ? api.changeStatus(statusId) : api.logIn(statusId)));
  return (
    <section aria-labelledby="presence-h">
      <h2 id="presence-h">Presence</h2>
      <label>
        Status{' '}
        <select value={current} onChange={(e) => change((e.target as HTMLSelectElement).value)} name="status">
          <option value="">Logged out</option>
          {state.desk?.statuses.map((s) => (
            <option value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      {/* What the chosen status takes, under the list rather than in every name, so the list fits its card. */}
      <p class="hint">{takes(state.desk?.statuses.find((s) => s.id === current)?.channels)}</p>
      {loggedIn && (
        <p class="capacity">
          Capacity used {rep.used.primary} of {state.desk?.capacity} · {rep.activeItems} active
        </p>
      )}
    </section>
  );
}

function ActiveWork({ api, item, act, now }: { api: RepApi; item: WorkItem; act: Act; now: number }) {
  const [transferring, setTransferring] = useState(false);
  const call = liveCallOf(item) !== undefined;
  return (
    <li class="work" data-item={item.id}>
      <div>
        <b>{item.channel}</b> · {item.queueId} · <span class="state">{item.state}</span>
        {item.state === 'WrapUp' && item.wrapUpEndsAt && <> · wrap-up ends in {seconds(item.wrapUpEndsAt - now)}</>}
      </div>
      <small>
        {item.source} · since {seconds(now - (item.reservation?.acceptedAt ?? item.requestedAt))}
      </small>
      <div class="actions">
        {call && (
          // The call ends in the softphone (hang up, then close after-contact work); Connect tells the router.
          <span class="softphone" role="status">
            {item.state === 'Assigned' ? 'On the call in your softphone' : 'After-contact work in your softphone'}
          </span>
        )}
        {item.state === 'Assigned' && (
          <>
            {!call && (
              <button type="button" class="primary" onClick={() => act(() => api.complete(item.id))}>
                Complete
              </button>
            )}
            <button type="button" onClick={() => setTransferring(!transferring)} aria-expanded={transferring}>
              Transfer…
            </button>
          </>
        )}
        {item.state === 'WrapUp' && !call && (
          <button type="button" class="primary" onClick={() => act(() => api.endWrapUp(item.id))}>
            End wrap-up
          </button>
        )}
      </div>
      {transferring && (
        <TransferPanel
          api={api}
          onChoose={(to) => act(() => api.transfer(item.id, to)).then(() => setTransferring(false))}
        />
      )}
    </li>
  );
}

/**
 * Capacity for a call the rep places from the softphone: the router holds it for that contact until Connect says
 * the call ended. The softphone shows the contact id of the call being placed; it is filled in from there.
 */
function Outbound({ api, act }: { api: RepApi; act: Act }) {
  const [callId, setCallId] = useState('');
  return (
    <section aria-labelledby="outbound-h">
      <h2 id="outbound-h">Calling a customer</h2>
      <p class="hint">
        Place the call in the softphone, then hold your capacity for it here, so no other work is offered meanwhile.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (callId) act(() => api.reserveOutbound(callId)).then(() => setCallId(''));
        }}
      >
        <label>
          Contact id of the call (from the softphone){' '}
          <input value={callId} onInput={(e) => setCallId((e.target as HTMLInputElement).value)} />
        </label>{' '}
        <button type="submit">Hold capacity for this call</button>
      </form>
    </section>
  );
}

export function Desk(props: { api: RepApi; state: DeskState; act: Act; softphone: ComponentChildren }) {
  const { api, state, act } = props;
  const now = useNow();
  const items = [...state.items.values()];
  const offers = items.filter((i) => i.state === 'Offered');
  const active = items.filter((i) => i.state !== 'Offered');
  return (
    <main class="desk">
      <Presence api={api} state={state} act={act} />
      {props.softphone}
      <section aria-labelledby="offers-h" aria-live="polite">
        <h2 id="offers-h">Offers</h2>
        {offers.length === 0 && <p class="empty">No offers right now.</p>}
        {offers.map((item) => (
          <OfferCard api={api} item={item} desk={state.desk} act={act} now={now} />
        ))}
      </section>
      <section aria-labelledby="work-h">
        <h2 id="work-h">Active work</h2>
        {active.length === 0 && <p class="empty">Nothing in progress.</p>}
        <ul>
          {active.map((item) => (
            <ActiveWork api={api} item={item} act={act} now={now} />
          ))}
        </ul>
      </section>
      <Outbound api={api} act={act} />
      <section aria-labelledby="log-h">
        <h2 id="log-h">Recent</h2>
        {state.log.length === 0 && <p class="empty">Nothing yet.</p>}
        <ol class="log">
          {state.log.map((l) => (
            <li>{l}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}
