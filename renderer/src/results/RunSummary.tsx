import { formatCount, formatElapsed, formatRowCount } from '../lib/pgTypes.ts';
import { useElapsed } from '../hooks/useElapsed.ts';
import type { RunState } from '../hooks/useQueryRun.ts';

/** "1,234 rows · 35 ms", live while running; the truncation note when maxRows stopped the run. */
export function RunSummary({ run }: { run: RunState }) {
  const live = run.status === 'running';
  const elapsed = useElapsed(run.startedAt, live);
  if (run.status === 'idle') return null;
  const time = live ? elapsed : (run.elapsedMs ?? 0);
  const showCount = run.status !== 'failed' || run.rowCount > 0;
  return (
    <span className="run-summary" aria-live="polite">
      {showCount && (
        <>
          <span className="run-count">{formatRowCount(run.rowCount)}</span>
          <span className="sep" aria-hidden="true">·</span>
        </>
      )}
      <span className="run-time">{formatElapsed(time)}</span>
      {run.truncated && (
        <span className="badge badge-warn" title="maxRows stopped the run before the end of the result">
          truncated at {formatCount(run.rowCount)} rows
        </span>
      )}
      {run.status === 'cancelled' && <span className="badge">cancelled</span>}
    </span>
  );
}
