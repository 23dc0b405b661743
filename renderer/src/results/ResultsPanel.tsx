import { useCallback, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ChartPreset } from '../../../shared/contract/index.ts';
import { ResultChart } from '../chart/ResultChart.tsx';
import { Icon } from '../components/Icon.tsx';
import type { RunState } from '../hooks/useQueryRun.ts';
import { keys, withKey } from '../lib/platform.ts';
import { ErrorView } from './ErrorView.tsx';
import { ResultGrid } from './ResultGrid.tsx';
import { RunSummary } from './RunSummary.tsx';

type View = 'grid' | 'chart';
const views: { id: View; label: string; icon: 'grid' | 'chart' }[] = [
  { id: 'grid', label: 'Grid', icon: 'grid' },
  { id: 'chart', label: 'Chart', icon: 'chart' },
];

interface ResultsPanelProps {
  run: RunState;
  title: string;
  preset?: ChartPreset;
  errorLocation?: { line: number; column: number };
  onCancel(): void;
}

/** The results of a tab's run: a grid or a chart of the rows, the error, and the run's figures. */
export function ResultsPanel({ run, title, preset, errorLocation, onCancel }: ResultsPanelProps) {
  const [view, setView] = useState<View>('grid');
  const [exportPng, setExportPng] = useState<(() => void) | null>(null);
  const id = useId();
  // A function in state must be wrapped, or React would call it as an updater.
  const onExport = useCallback((action: (() => void) | null) => setExportPng(() => action), []);

  const onViewKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = view === 'grid' ? 'chart' : 'grid';
    setView(next);
    document.getElementById(`${id}-${next}-tab`)?.focus();
  };

  const running = run.status === 'running';
  const failed = run.status === 'failed' && run.error;

  return (
    <section className="results" aria-label={`Results of ${title}`}>
      <div className="results-bar">
        <div role="tablist" aria-label="Result view" className="segmented" onKeyDown={onViewKey}>
          {views.map((v) => (
            <button
              key={v.id}
              id={`${id}-${v.id}-tab`}
              role="tab"
              aria-selected={view === v.id}
              aria-controls={`${id}-${v.id}-panel`}
              tabIndex={view === v.id ? 0 : -1}
              className="segment"
              onClick={() => setView(v.id)}
            >
              <Icon name={v.icon} size={14} />
              {v.label}
            </button>
          ))}
        </div>
        <RunSummary run={run} />
        <span className="spacer" />
        {running && (
          <button className="button button-danger" onClick={onCancel} disabled={run.cancelling} title={withKey('Cancel the running statement', keys.cancel)}>
            <Icon name="stop" size={14} />
            {run.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {view === 'chart' && (
          <button className="button" onClick={() => exportPng?.()} disabled={!exportPng} title="Save the chart as a PNG image">
            <Icon name="download" size={14} />
            Export PNG
          </button>
        )}
      </div>
      {failed && run.error ? (
        <div className="results-body">
          <ErrorView error={run.error} rowsBefore={run.rowCount} line={errorLocation} />
        </div>
      ) : !run.buffer ? (
        <div className="results-body">
          <p className="empty-note">
            Run a statement with <kbd>{keys.run}</kbd>: the selection if there is one, else the statement at the cursor.
          </p>
        </div>
      ) : (
        <>
          {/* The grid stays mounted behind the chart, so its sort, filters and scroll survive a look at the chart. */}
          <div className="results-body" id={`${id}-grid-panel`} role="tabpanel" aria-labelledby={`${id}-grid-tab`} hidden={view !== 'grid'}>
            <ResultGrid key={run.runId} buffer={run.buffer} fields={run.fields} tick={run.tick} loading={running && run.rowCount === 0} label={`Rows of ${title}`} />
          </div>
          <div className="results-body" id={`${id}-chart-panel`} role="tabpanel" aria-labelledby={`${id}-chart-tab`} hidden={view !== 'chart'}>
            {view !== 'chart' ? null : run.rowCount > 0 ? (
              <ResultChart key={run.runId} buffer={run.buffer} fields={run.fields} tick={run.tick} preset={preset} title={title} onExport={onExport} />
            ) : (
              <p className="empty-note">{running ? 'Waiting for the first rows…' : 'The result has no rows to chart.'}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
