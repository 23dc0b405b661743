import type { ReactNode } from 'react';
import { Icon } from '../components/Icon.tsx';
import type { ThemeName } from '../hooks/theme.tsx';
import type { AsyncState } from '../hooks/useAsyncCall.ts';
import type { DbInfo } from '../hooks/useDbInfo.ts';
import { useElapsed } from '../hooks/useElapsed.ts';
import type { RunState } from '../hooks/useQueryRun.ts';
import { formatElapsed, formatRowCount } from '../lib/pgTypes.ts';

interface StatusBarProps {
  db: AsyncState<DbInfo>;
  onRetryDb(): void;
  transport: 'electron' | 'http';
  run: RunState | undefined;
  theme: ThemeName;
  onToggleTheme(): void;
  /** Background work to show, such as pipelines in flight. */
  activity?: ReactNode;
}

function DbStatus({ db, onRetry }: { db: AsyncState<DbInfo>; onRetry(): void }) {
  if (db.status === 'loading') return <span className="status-item">Connecting…</span>;
  if (db.status === 'failed')
    return (
      <button className="status-item status-error" onClick={onRetry} title="Ask the database again">
        <Icon name="database" size={14} />
        Not connected: {db.error.message}
      </button>
    );
  const { engine, label, serverVersion, migrations } = db.value;
  return (
    <span className="status-item" title={`${engine === 'embedded' ? 'Embedded PGlite' : 'PostgreSQL server'} · ${label}`}>
      <Icon name="database" size={14} />
      <span className="status-strong">{label}</span>
      <span className="status-dim">
        {engine} · PostgreSQL {serverVersion}
      </span>
      <span className={migrations.pending > 0 ? 'status-warn' : 'status-dim'} title="Schema migrations">
        {migrations.applied} migrations{migrations.pending > 0 ? `, ${migrations.pending} pending` : ''}
      </span>
    </span>
  );
}

function RunStatus({ run }: { run: RunState | undefined }) {
  const elapsed = useElapsed(run?.startedAt ?? 0, run?.status === 'running', 250);
  if (!run || run.status === 'idle') return <span className="status-item status-dim">Ready</span>;
  const time = formatElapsed(run.status === 'running' ? elapsed : (run.elapsedMs ?? 0));
  const text = {
    running: `${run.cancelling ? 'Cancelling' : 'Running'}… ${formatRowCount(run.rowCount)} · ${time}`,
    done: `Done: ${formatRowCount(run.rowCount)} in ${time}${run.truncated ? ' (truncated)' : ''}`,
    cancelled: `Cancelled after ${formatRowCount(run.rowCount)} · ${time}`,
    failed: `Failed${run.error?.sqlstate ? ` (${run.error.sqlstate})` : ''} after ${time}`,
  }[run.status];
  return (
    <span className={`status-item status-run-${run.status}`} role="status">
      {run.status === 'running' && <span className="spinner" aria-hidden="true" />}
      {text}
    </span>
  );
}

/** The bottom line: the database, the transport, the active tab's run, and the theme switch. */
export function StatusBar({ db, onRetryDb, transport, run, theme, onToggleTheme, activity }: StatusBarProps) {
  return (
    <footer className="status-bar">
      <DbStatus db={db} onRetry={onRetryDb} />
      <span className="status-item status-dim" title="How this window reaches the workbench core">
        {transport === 'electron' ? 'Electron IPC' : 'WebSocket'}
      </span>
      <span className="spacer" />
      {activity}
      <RunStatus run={run} />
      <button className="status-item status-button" onClick={onToggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} size={14} />
      </button>
    </footer>
  );
}
