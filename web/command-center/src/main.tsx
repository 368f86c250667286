import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';
import { ApiError } from '../../shared/api-client';
import { Masthead, SignedIn } from '../../shared/app-shell';
import type { Session } from '../../shared/auth';
import type { WorkspaceConfig } from '../../shared/config';
import { openPush, type PushStatus } from '../../shared/push';
import { SupervisorApi } from './api';
import { Backlog } from './backlog';
import { Queues, Reps } from './tables';

function CommandCenter({ config, session }: { config: WorkspaceConfig; session: Session }) {
  const api = new SupervisorApi(config.apiUrl, session.tokens);
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
    return openPush(url.toString(), session.tokens, () => void refresh(), setPush);
  }, [session.tokens]);
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
      <Masthead
        title={`Command Center${snapshot ? ` · ${snapshot.name}` : ''}`}
        config={config}
        session={session}
        push={push}
        problem={problem}
      />
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

render(
  <SignedIn title="Command Center">
    {(config, session) => <CommandCenter config={config} session={session} />}
  </SignedIn>,
  document.getElementById('app')!,
);
