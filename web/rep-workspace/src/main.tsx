import { render } from 'preact';
import { useEffect, useReducer, useState } from 'preact/hooks';
import type { DesktopMessage } from '../../../lambdas/domain/routing/desktop-messages';
import { ApiError } from '../../shared/api-client';
import { Masthead, SignedIn } from '../../shared/app-shell';
import type { Session } from '../../shared/auth';
import type { WorkspaceConfig } from '../../shared/config';
import { openPush, type PushStatus } from '../../shared/push';
import { RepApi } from './api';
import { Desk } from './desk';
import { applyMessage, emptyDesk } from './desk-state';
import { Softphone } from './softphone';

function Workspace({ config, session }: { config: WorkspaceConfig; session: Session }) {
  const api = new RepApi(config.apiUrl, session.tokens, session.repId);
  const [state, dispatch] = useReducer(
    (s: typeof emptyDesk, m: DesktopMessage) => applyMessage(s, m, session.repId),
    emptyDesk,
  );
  const [push, setPush] = useState<PushStatus>('connecting');
  const [problem, setProblem] = useState<string>();
  // A snapshot too large for one frame comes by reference: read from the HTTP API, applied as pushed.
  const receive = (m: DesktopMessage) =>
    m.type === 'snapshotByReference'
      ? void api.view().then(
          (view) => dispatch({ type: 'snapshot', at: m.at, view }),
          (e: unknown) => setProblem(String(e)),
        )
      : dispatch(m);
  useEffect(() => openPush(config.pushUrl, session.tokens, receive, setPush), [session.tokens]);

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
      <Masthead title="Rep workspace" config={config} session={session} push={push} problem={problem} />
      <Desk
        api={api}
        state={state}
        act={act}
        softphone={<Softphone config={config.softphone} tokens={session.tokens} />}
      />
    </>
  );
}

render(
  <SignedIn title="Rep workspace">{(config, session) => <Workspace config={config} session={session} />}</SignedIn>,
  document.getElementById('app')!,
);
