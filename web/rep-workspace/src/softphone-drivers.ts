/// <reference types="amazon-connect-streams" />

import type { TokenSource } from '../../shared/auth';
import type { SoftphoneConfig, SoftphoneView } from '../../shared/config';

/** A softphone the panel shows: its state as it changes, and (the stand-in only) the person's actions. */
export interface SoftphoneDriver {
  /** Calls `show` with every new state; returns the unsubscribe. */
  watch(show: (view: SoftphoneView) => void): () => void;
  /** The CCP embed has its own controls: the panel offers none for it. */
  readonly act?: (action: string, body?: { status: string }) => Promise<void>;
}

const STAND_IN_POLL_MS = 500;

/** The live center's stand-in: its state read every half second, actions posted as the rep (their token). */
export function standInDriver(url: string, tokens: TokenSource): SoftphoneDriver {
  const request = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${url}/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${tokens.current()}`, 'content-type': 'application/json' },
    });
    const body = await res.json();
    if (!res.ok) throw new Error(body.reason ?? `softphone: ${res.status}`);
    return body as SoftphoneView;
  };
  let latest: ((v: SoftphoneView) => void) | undefined;
  return {
    watch(show) {
      latest = show;
      const read = () => request('state').then(show, () => undefined);
      void read();
      const t = setInterval(read, STAND_IN_POLL_MS);
      return () => clearInterval(t);
    },
    act: async (action, body) => {
      const view = await request(action, { method: 'POST', body: JSON.stringify(body ?? {}) });
      latest?.(view);
    },
  };
}

/**
 * The instance's CCP, embedded with amazon-connect-streams (served beside the page as connect-streams.js): its
 * iframe holds the softphone and its controls; the panel mirrors the agent's status and the call's state from
 * the library's agent and contact events.
 */
export function ccpDriver(config: Extract<SoftphoneConfig, { kind: 'ccp' }>, container: HTMLElement): SoftphoneDriver {
  return {
    watch(show) {
      let view: SoftphoneView = { signedIn: false, status: 'Offline', statuses: [] };
      const update = (next: Partial<SoftphoneView>) => {
        view = { ...view, ...next };
        show(view);
      };
      void loadStreams().then(() => {
        connect.core.initCCP(container, {
          ccpUrl: config.ccpUrl,
          region: config.region,
          loginPopup: true,
          loginPopupAutoClose: true,
          ...(config.loginUrl ? { loginUrl: config.loginUrl } : {}),
          softphone: { allowFramedSoftphone: true },
        });
        connect.core.onAuthFail(() => update({ signedIn: false }));
        connect.agent((agent) => {
          const statuses = agent.getAgentStates().map((s) => s.name);
          update({ signedIn: true, status: agent.getState().name, statuses });
          agent.onStateChange((change) => update({ status: change.newState }));
        });
        connect.contact((contact) => {
          const call = (state: NonNullable<SoftphoneView['call']>['state']) =>
            update({ call: { contactId: contact.getContactId(), state } });
          contact.onConnecting(() => call('ringing'));
          contact.onIncoming(() => call('ringing'));
          contact.onConnected(() => call(contact.getAgentConnection().isOnHold() ? 'onHold' : 'connected'));
          contact.onRefresh(() => {
            if (contact.getStatus().type === connect.ContactStateType.CONNECTED)
              call(contact.getAgentConnection().isOnHold() ? 'onHold' : 'connected');
          });
          contact.onMissed(() => call('missed'));
          contact.onACW(() => call('afterContactWork'));
          contact.onDestroy(() => update({ call: undefined }));
        });
      });
      return () => connect.core.terminate?.();
    },
  };
}

let streams: Promise<void> | undefined;
/** Loads the library once, from beside the page (the deploy puts it there from the npm package). */
function loadStreams(): Promise<void> {
  streams ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('connect-streams.js', location.href).href;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('connect-streams.js did not load'));
    document.head.append(script);
  });
  return streams;
}
