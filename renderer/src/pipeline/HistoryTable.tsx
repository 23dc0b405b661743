import type { PipelineAuditRow } from '../../../shared/contract/index.ts';
import { formatElapsed } from '../lib/pgTypes.ts';
import { describeChanges, formatWhen } from './format.ts';

export interface HistoryState {
  rows: PipelineAuditRow[];
  nextBeforeId: number | null;
  loading: boolean;
  pending: boolean;
  error: string | null;
}

interface HistoryTableProps {
  history: HistoryState;
  onMore(): void;
}

/** The audit rows of `pipeline_run`, newest first, with a button for older ones. */
export function HistoryTable({ history, onMore }: HistoryTableProps) {
  const { rows, nextBeforeId, loading, pending, error } = history;
  return (
    <div className="pipeline-history">
      {error && (
        <p className="pipeline-inline-error" role="alert">
          The history did not load: {error}
        </p>
      )}
      {pending && <p className="status-dim">The audit rows show when the run in flight ends (the embedded database has one connection).</p>}
      {!pending && !error && rows.length === 0 && !loading && <p className="status-dim">No pipeline has run on this database yet.</p>}
      {rows.length > 0 && (
        <table className="pipeline-table pipeline-history-table">
          <thead>
            <tr>
              <th className="pipeline-num">#</th>
              <th>Step</th>
              <th>Mode</th>
              <th>Status</th>
              <th>Started</th>
              <th className="pipeline-num">Duration</th>
              <th>By</th>
              <th>Changes or error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.status === 'failed' ? 'pipeline-row-failed' : row.status === 'cancelled' ? 'pipeline-row-cancelled' : undefined}>
                <td className="pipeline-num">{row.id}</td>
                <td className="pipeline-step-name">{row.step}</td>
                <td>{row.mode}</td>
                <td>
                  <span className={`pipeline-status pipeline-status-${row.status}`}>{row.status}</span>
                </td>
                <td title={new Date(row.startedAt).toLocaleString()}>{formatWhen(row.startedAt)}</td>
                <td className="pipeline-num">{row.durationMs === null ? '—' : formatElapsed(row.durationMs)}</td>
                <td>{row.runBy}</td>
                <td className={row.status === 'failed' ? 'pipeline-lastrun-error' : 'pipeline-history-changes'}>
                  {row.status === 'failed' || row.status === 'cancelled' ? row.error : describeChanges(row.changes)}
                  {row.status === 'completed' && Object.keys(row.notes).length > 0 && (
                    <span className="status-dim" title={Object.entries(row.notes).map(([n, c]) => `${c} ${n}`).join('\n')}>
                      {' '}
                      · {Object.keys(row.notes).length === 1 ? '1 note' : `${Object.keys(row.notes).length} notes`}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {loading && <p className="status-dim">Loading…</p>}
      {nextBeforeId !== null && !loading && (
        <button className="button" onClick={onMore}>
          Load older runs
        </button>
      )}
    </div>
  );
}
