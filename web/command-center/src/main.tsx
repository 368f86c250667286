import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';
import { ApiError } from '../../rep-workspace/src/api';
import { completeSignIn, type Session, signIn, signOut } from '../../rep-workspace/src/auth';
import { loadConfig, type WorkspaceConfig } from '../../rep-workspace/src/config';
import { openPush, type PushStatus } from '../../rep-workspace/src/push';
import { SupervisorApi } from './api';
import { Backlog } from './backlog';
import { Queues, Reps } from './tables';

function CommandCenter({ config, session }: { config: WorkspaceConfig; session: Session }) {
  const api = new SupervisorApi(config.apiUrl, session.token);
  const [snapshot, setSnapshot] = useState<CommandCenterSnapshot>();
  const [push, setPush] = useState<PushStatus>('connecting');
  const [problem, setProblem] = useState<string>();
  const [queue, setQueue] = useState<string>();
  const [tick, setTick] = useState(0);
  const refresh = () =>
    api.snapshot().then(
      (s) => {
        setSnapshot(s);
        setTick((t) => t + 1);
      },
      (e: unknown) => setProblem(String(e)),
    );
  // The page is told when the model changed; it then reads the snapshot (one read, whatever the traffic).
  useEffect(() => {
    const url = new URL(config.pushUrl);
    url.searchParams.set('as', 'supervisor');
    return openPush(url.toString(), session.token, () => void refresh(), setPush);
  }, [session.token]);
  useEffect(() => void refresh(), []);
  const act = async (command: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await command();
    } catch (e) {
      setProblem(e instanceof ApiError ? `${e.status}: ${e.message}` : String(e));
    }
    await refresh();
  };
  return (
    <>
      <header>
        <h1>Command Center{snapshot ? ` · ${snapshot.name}` : ''}</h1>
        <span class="who">{session.repId}</span>
        <span class={`push ${push}`} role="status">
          {push === 'live' ? 'Live' : 'Reconnecting…'}
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
      {snapshot ? (
        <main>
          <Queues snapshot={snapshot} selected={queue} onSelect={setQueue} />
          {queue && <Backlog api={api} snapshot={snapshot} queueId={queue} act={act} tick={tick} />}
          <Reps api={api} snapshot={snapshot} act={act} />
        </main>
      ) : (
        <p>Loading…</p>
      )}
    </>
  );
}

function App() {
  const [config, setConfig] = useState<WorkspaceConfig>();
  const [session, setSession] = useState<Session>();
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
        <h1>Command Center</h1>
        <button type="button" class="primary" onClick={() => signIn(config)}>
          Sign in
        </button>
      </main>
    );
  return <CommandCenter config={config} session={session} />;
}

render(<App />, document.getElementById('app')!);
