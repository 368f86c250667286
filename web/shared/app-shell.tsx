import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { completeSignIn, type Session, signIn, signOut } from './auth';
import { loadConfig, type WorkspaceConfig } from './config';
import type { PushStatus } from './push';

/** A page's frame: its config, then sign-in (back from the issuer with a code, or a button), then the page. */
export function SignedIn(props: {
  title: string;
  children: (config: WorkspaceConfig, session: Session) => ComponentChildren;
}) {
  const [config, setConfig] = useState<WorkspaceConfig>();
  const [session, setSession] = useState<Session | undefined>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  useEffect(() => {
    loadConfig()
      .then(async (c) => {
        setConfig(c);
        try {
          const s = await completeSignIn(c);
          // The issuer refused to refresh the token (the person was disabled, or the refresh token ran out).
          s?.tokens.onEnded(() => {
            setSession(undefined);
            setNotice('Your session has ended. Sign in again to go on.');
          });
          setSession(s);
        } catch (e) {
          // A refused sign-in (a forged or stale state, a code the issuer refused): say so, and offer it again.
          setNotice((e as Error).message);
        }
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!config) return <p>Loading…</p>;
  if (!session)
    return (
      <main class="signin">
        <h1>{props.title}</h1>
        {notice && <p role="alert">{notice}</p>}
        <button type="button" class="primary" onClick={() => signIn(config)}>
          Sign in
        </button>
      </main>
    );
  return <>{props.children(config, session)}</>;
}

const PUSH_LABEL: Record<PushStatus, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
};

/** A signed-in page's header (title, who, the push channel's state, sign out) and its latest refusal, if any. */
export function Masthead(props: {
  title: string;
  config: WorkspaceConfig;
  session: Session;
  push: PushStatus;
  problem?: string;
}) {
  return (
    <>
      <header>
        <h1>{props.title}</h1>
        <span class="who">{props.session.repId}</span>
        <span class={`push ${props.push}`} role="status">
          {PUSH_LABEL[props.push]}
        </span>
        <button type="button" onClick={() => signOut(props.config)}>
          Sign out
        </button>
      </header>
      {props.problem && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
    </>
  );
}
