import { render } from 'preact';
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { DesktopMessage } from '../../../lambdas/domain/routing/desktop-messages';
import { ApiError, RepApi } from './api';
import { completeSignIn, type Session, signIn, signOut } from './auth';
import { loadConfig, type WorkspaceConfig } from './config';
import { applyMessage, emptyDesk } from './desk-state';
import { Desk } from './desk';
import { openPush, type PushStatus } from './push';

function Workspace({ config, session }: { config: WorkspaceConfig; session: Session }) {
  const api = new RepApi(config.apiUrl, session.token, session.repId);
  const [state, dispatch] = useReducer(
    (s: typeof emptyDesk, m: DesktopMessage) => applyMessage(s, m, session.repId),
    emptyDesk,
  );
  const [push, setPush] = useState<PushStatus>('connecting');
  const [problem, setProblem] = useState<string>();
  useEffect(() => openPush(config.pushUrl, session.token, dispatch, setPush), [session.token]);

  /** Runs a command; a refusal is shown, and on a conflict the desk is brought up to date. */
  const act = async (command: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await command();
    } catch (e) {
      setProblem(e instanceof ApiError ? `${e.status}: ${e.message}` : String(e));
      if (e instanceof ApiError && e.status === 409)
        dispatch({ type: 'snapshot', at: Date.now(), view: await api.view() });
    }
  };
  return (
    <>
      <header>
        <h1>Rep workspace</h1>
        <span class="who">{session.repId}</span>
        <span class={`push ${push}`} role="status">
          {push === 'live' ? 'Live' : push === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        <button type="button" onClick={() => signOut(config)}>
          Sign out
        </button>
      </header>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <Desk api={api} state={state} act={act} />
    </>
  );
}

function App() {
  const [config, setConfig] = useState<WorkspaceConfig>();
  const [session, setSession] = useState<Session | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadConfig()
      .then(async (c) => {
        setConfig(c);
        setSession(await completeSignIn(c));
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!config) return <p>Loading…</p>;
  if (!session)
    return (
      <main class="signin">
        <h1>Rep workspace</h1>
        <button type="button" class="primary" onClick={() => signIn(config)}>
          Sign in
        </button>
      </main>
    );
  return <Workspace config={config} session={session} />;
}

render(<App />, document.getElementById('app')!);
