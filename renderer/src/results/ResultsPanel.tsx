import { useCallback, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ChartPreset, ColumnFormat } from '../../../shared/contract/index.ts';
import { ResultChart } from '../chart/ResultChart.tsx';
import { Icon } from '../components/Icon.tsx';
import type { RunState } from '../hooks/useQueryRun.ts';
import { Splitter } from '../layout/Splitter.tsx';
import { keys, withKey } from '../lib/platform.ts';
import { ErrorView } from './ErrorView.tsx';
import { ResultGrid } from './ResultGrid.tsx';
import { RunSummary } from './RunSummary.tsx';

type View = 'grid' | 'chart' | 'split';
const views: { id: View; label: string; icon: 'grid' | 'chart' | 'split'; title: string }[] = [
  { id: 'grid', label: 'Grid', icon: 'grid', title: 'The rows in a grid' },
  { id: 'chart', label: 'Chart', icon: 'chart', title: 'The rows as a chart' },
  { id: 'split', label: 'Split', icon: 'split', title: 'The chart above the grid' },
];

interface ResultsPanelProps {
  run: RunState;
  title: string;
  preset?: ChartPreset;
  /** A library query's column formats, applied in the grid. */
  formats?: Readonly<Record<string, ColumnFormat>>;
  errorLocation?: { line: number; column: number };
  onCancel(): void;
}

/**
 * The results of a tab's run: a grid, a chart, or both, the error, and the run's figures. A library
 * query with a preset chart opens on both, so its chart shows as soon as it runs.
 */
export function ResultsPanel({ run, title, preset, formats, errorLocation, onCancel }: ResultsPanelProps) {
  const [view, setView] = useState<View>(preset && preset.type !== 'none' ? 'split' : 'grid');
  const [chartShare, setChartShare] = useState(0.5);
  const [exportPng, setExportPng] = useState<(() => void) | null>(null);
  const id = useId();
  // A function in state must be wrapped, or React would call it as an updater.
  const onExport = useCallback((action: (() => void) | null) => setExportPng(() => action), []);

  const onViewKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = views.findIndex((v) => v.id === view);
    const next = views[(index + (event.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length]?.id ?? 'grid';
    setView(next);
    document.getElementById(`${id}-${next}-tab`)?.focus();
  };

  const running = run.status === 'running';
  const failed = run.status === 'failed' && run.error;
  const showGrid = view !== 'chart';
  const showChart = view !== 'grid';
  const panels = (v: View) => [v !== 'chart' ? `${id}-grid-panel` : '', v !== 'grid' ? `${id}-chart-panel` : ''].filter(Boolean).join(' ');

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
              aria-controls={panels(v.id)}
              tabIndex={view === v.id ? 0 : -1}
              className="segment"
              title={v.title}
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
        {showChart && (
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
        <div className="results-views">
          <div
            className="results-body"
            id={`${id}-chart-panel`}
            role="tabpanel"
            aria-label={`Chart of ${title}`}
            hidden={!showChart}
            style={view === 'split' ? { flex: `0 0 ${chartShare * 100}%` } : undefined}
          >
            {!showChart ? null : run.rowCount > 0 ? (
              <ResultChart key={run.runId} buffer={run.buffer} fields={run.fields} tick={run.tick} preset={preset} title={title} onExport={onExport} />
            ) : (
              <p className="empty-note">{running ? 'Waiting for the first rows…' : 'The result has no rows to chart.'}</p>
            )}
          </div>
          {view === 'split' && <Splitter value={chartShare} onChange={setChartShare} label="Resize chart and grid" />}
          {/* The grid stays mounted behind the chart, so its sort, filters and scroll survive a look at the chart. */}
          <div className="results-body" id={`${id}-grid-panel`} role="tabpanel" aria-label={`Grid of ${title}`} hidden={!showGrid}>
            <ResultGrid key={run.runId} buffer={run.buffer} fields={run.fields} tick={run.tick} loading={running && run.rowCount === 0} label={`Rows of ${title}`} {...(formats ? { formats } : {})} />
          </div>
        </div>
      )}
    </section>
  );
}
