import { useEffect, useRef, useState } from 'preact/hooks';
import type { TokenSource } from '../../shared/auth';
import type { SoftphoneConfig, SoftphoneView } from '../../shared/config';
import { ccpDriver, type SoftphoneDriver, standInDriver } from './softphone-drivers';

const CALL_TEXT: Record<NonNullable<SoftphoneView['call']>['state'], string> = {
  ringing: 'Incoming call',
  connected: 'On a call',
  onHold: 'Call on hold',
  afterContactWork: 'After-contact work',
  missed: 'Missed call',
};

/** The buttons a person has in each call state, as the CCP offers them. */
const CALL_ACTIONS: Record<NonNullable<SoftphoneView['call']>['state'], [string, string][]> = {
  ringing: [
    ['answer', 'Answer'],
    ['reject', 'Reject'],
  ],
  connected: [
    ['hold', 'Hold'],
    ['hang-up', 'Hang up'],
  ],
  onHold: [
    ['resume', 'Resume'],
    ['hang-up', 'Hang up'],
  ],
  afterContactWork: [['close-contact', 'Close contact']],
  missed: [['close-contact', 'Close contact']],
};

/**
 * The softphone beside the rep's digital work (semantics §8): calls are answered, held, hung up and closed here
 * (Connect decides who has a call), while the router's view of the same call shows under Offers and Active work.
 */
export function Softphone({ config, tokens }: { config?: SoftphoneConfig; tokens: TokenSource }) {
  const [view, setView] = useState<SoftphoneView>();
  const [problem, setProblem] = useState<string>();
  const [driver, setDriver] = useState<SoftphoneDriver>();
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!config) return;
    const d = config.kind === 'ccp' ? ccpDriver(config, frame.current!) : standInDriver(config.url, tokens);
    setDriver(d);
    return d.watch(setView);
  }, [config, tokens]);
  const act = (action: string, body?: { status: string }) => {
    setProblem(undefined);
    driver?.act?.(action, body).catch((e: Error) => setProblem(e.message));
  };
  const controls = driver?.act !== undefined;
  return (
    <section aria-labelledby="softphone-h" class="softphone-panel">
      <h2 id="softphone-h">Softphone</h2>
      {!config && <p class="empty">No softphone configured: answer calls in your contact center's CCP.</p>}
      {view && !view.signedIn && <p>Signed out of the softphone: calls cannot reach you.</p>}
      {view && !view.signedIn && controls && (
        <button type="button" class="primary" onClick={() => act('sign-in')}>
          Sign in to the softphone
        </button>
      )}
      {view?.signedIn && (
        <p>
          Connect status <b class="connect-status">{view.status}</b>
          {controls && (
            <>
              {' '}
              <select
                name="connect-status"
                aria-label="Connect status"
                value={view.status}
                onChange={(e) => act('status', { status: (e.target as HTMLSelectElement).value })}
              >
                {view.statuses.map((s) => (
                  <option value={s}>{s}</option>
                ))}
              </select>
            </>
          )}
        </p>
      )}
      {view?.call && (
        <div class="call" data-contact={view.call.contactId} role="status">
          <b>{CALL_TEXT[view.call.state]}</b>
          {view.call.caller && <> · {view.call.caller}</>}
          {controls && (
            <div class="actions">
              {CALL_ACTIONS[view.call.state].map(([action, label], i) => (
                <button type="button" class={i === 0 ? 'primary' : undefined} onClick={() => act(action)}>
                  {label}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {problem && <p role="alert">{problem}</p>}
      {config?.kind === 'ccp' && <div class="ccp" ref={frame} />}
    </section>
  );
}
