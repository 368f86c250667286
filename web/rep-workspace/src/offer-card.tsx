import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { liveCallOf, type WorkItem } from '../../../lambdas/domain/routing/work-item';
import type { RepDesk } from '../../../lambdas/domain/use-cases/queries';
import type { RepApi } from './api';
import { seconds } from './desk';

/**
 * One offer: what it is, how long the customer has waited, its attributes, and the time left to answer (the push
 * timeout). Focus moves to Accept when it arrives, so a keyboard user answers with Enter; Alt+D declines.
 */
export function OfferCard(props: {
  api: RepApi;
  item: WorkItem;
  desk?: RepDesk;
  act: (c: () => Promise<unknown>) => Promise<void>;
  now: number;
}) {
  const { api, item, desk, act, now } = props;
  const [reason, setReason] = useState('');
  const accept = useRef<HTMLButtonElement>(null);
  useEffect(() => accept.current?.focus(), [item.reservation?.offerId]);
  const r = item.reservation;
  const left = r?.expiresAt ? r.expiresAt - now : undefined;
  const total = r?.expiresAt ? r.expiresAt - r.offeredAt : undefined;
  const reasons = desk?.declineReasons ?? [];
  const declinable = (r?.declinable ?? true) && (desk?.allowDecline ?? true);
  return (
    <article class="offer" data-item={item.id} aria-label={`Offer: ${item.channel} from ${item.queueId}`}>
      <header>
        <b>{item.channel}</b> · {item.queueId}
        <span class="wait">waiting {seconds(now - item.requestedAt)}</span>
      </header>
      {left !== undefined && total !== undefined && (
        <div class="countdown" role="timer" aria-label="time left to answer">
          <progress max={total} value={Math.max(0, left)} /> <span>{seconds(left)} left</span>
        </div>
      )}
      {Object.keys(item.attributes).length > 0 && (
        <dl class="attributes">
          {Object.entries(item.attributes).map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
        </dl>
      )}
      {liveCallOf(item) !== undefined ? (
        // Connect alone answers a call (semantics §8): the router's Accept would book the rep for a call Connect
        // might never deliver.
        <p class="softphone" role="status">
          Ringing in your softphone: answer or reject the call there.
        </p>
      ) : (
        <OfferActions {...{ api, item, act, reasons, declinable, accept, reason, setReason }} />
      )}
    </article>
  );
}

function OfferActions(props: {
  api: RepApi;
  item: WorkItem;
  act: (c: () => Promise<unknown>) => Promise<void>;
  reasons: readonly string[];
  declinable: boolean;
  accept: RefObject<HTMLButtonElement>;
  reason: string;
  setReason: (r: string) => void;
}) {
  const { api, item, act, reasons, declinable, accept, reason, setReason } = props;
  return (
    <div class="actions">
      <button type="button" class="primary" ref={accept} onClick={() => act(() => api.accept(item.id))}>
        Accept
      </button>
      {declinable && (
        <>
          {reasons.length > 0 && (
            <label>
              Reason{' '}
              <select name="reason" value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value)}>
                <option value="">Choose…</option>
                {reasons.map((x) => (
                  <option value={x}>{x}</option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            // biome-ignore lint/a11y/noAccessKey: Enter accepts (focus is on Accept); Alt+D declines from the keyboard
            accessKey="d"
            disabled={reasons.length > 0 && !reason}
            onClick={() => act(() => api.decline(item.id, reason || undefined))}
          >
            Decline
          </button>
        </>
      )}
    </div>
  );
}
