import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Icon } from '../components/Icon.tsx';
import { SqlEditor } from '../editor/SqlEditor.tsx';
import { monaco } from '../editor/monaco.ts';
import type { MonacoEditor } from '../editor/monaco.ts';
import { useQueryRun } from '../hooks/useQueryRun.ts';
import type { RunState } from '../hooks/useQueryRun.ts';
import { Splitter } from '../layout/Splitter.tsx';
import { errorSpan } from '../lib/errorPosition.ts';
import { keys, withKey } from '../lib/platform.ts';
import { pickRunTarget } from '../lib/runTarget.ts';
import { ResultsPanel } from '../results/ResultsPanel.tsx';
import type { QueryTabModel } from './tabsState.ts';

interface QueryTabProps {
  tab: QueryTabModel;
  active: boolean;
  panelId: string;
  tabId: string;
  onRunChange(tabId: string, run: RunState): void;
}

const markerOwner = 'workbench';

/** One query tab: the SQL editor over the results of its latest run. */
export const QueryTab = memo(function QueryTab({ tab, active, panelId, tabId, onRunChange }: QueryTabProps) {
  const editor = useRef<MonacoEditor | null>(null);
  const { state: run, run: runStatement, cancel } = useQueryRun();
  const [notice, setNotice] = useState<string | null>(null);
  const [split, setSplit] = useState(0.42);
  const [errorLocation, setErrorLocation] = useState<{ line: number; column: number }>();

  const activeOnMount = useRef(active);
  const onEditorReady = useCallback((instance: MonacoEditor | null) => {
    editor.current = instance;
    if (instance && activeOnMount.current) instance.focus();
  }, []);

  const runAtCursor = useCallback(async () => {
    const ed = editor.current;
    const model = ed?.getModel();
    const selection = ed?.getSelection();
    const position = ed?.getPosition();
    if (!ed || !model || !selection || !position) return;
    const target = pickRunTarget(
      model.getValue(),
      { start: model.getOffsetAt(selection.getStartPosition()), end: model.getOffsetAt(selection.getEndPosition()) },
      model.getOffsetAt(position),
    );
    if (!target.ok) {
      setNotice(target.reason);
      return;
    }
    setNotice(null);
    setErrorLocation(undefined);
    monaco.editor.setModelMarkers(model, markerOwner, []);
    const { statement } = target;
    const range = monaco.Range.fromPositions(model.getPositionAt(statement.start), model.getPositionAt(statement.end));
    const running = ed.createDecorationsCollection([{ range, options: { className: 'statement-running', stickiness: 1 } }]);

    const final = await runStatement(statement, tab.slug);
    if (model.isDisposed()) return;
    running.clear();
    const error = final.error;
    if (final.status !== 'failed' || !error?.position) return;
    // Mark the error only if the statement's text is still where it was sent from.
    if (model.getValue().slice(statement.start, statement.end) !== statement.text) return;
    const span = errorSpan(statement.text, error.position, statement.start);
    const from = model.getPositionAt(span.start);
    const to = model.getPositionAt(span.end);
    monaco.editor.setModelMarkers(model, markerOwner, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: `${error.sqlstate ? `${error.sqlstate}: ` : ''}${error.message}${error.hint ? `\nHint: ${error.hint}` : ''}`,
        startLineNumber: from.lineNumber,
        startColumn: from.column,
        endLineNumber: to.lineNumber,
        endColumn: to.column,
      },
    ]);
    setErrorLocation({ line: from.lineNumber, column: from.column });
    ed.revealPositionInCenterIfOutsideViewport(from);
  }, [runStatement, tab.slug]);

  const onRun = useCallback(() => void runAtCursor(), [runAtCursor]);

  useEffect(() => onRunChange(tab.id, run), [onRunChange, tab.id, run]);

  // Escape cancels a running statement, unless the editor used the key (to close a widget).
  const running = run.status === 'running';
  useEffect(() => {
    if (!active || !running) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, running, cancel]);

  return (
    <div className="query-tab" id={panelId} role="tabpanel" aria-labelledby={tabId} hidden={!active}>
      <div className="query-toolbar">
        <button className="button button-primary" onClick={onRun} title={withKey('Run the selection, or the statement at the cursor', keys.run)}>
          <Icon name="play" size={14} />
          Run
        </button>
        {notice && (
          <span className="toolbar-notice" role="status">
            {notice}
          </span>
        )}
        <span className="spacer" />
        {tab.slug && (
          <span className="toolbar-meta" title="Library query">
            {tab.slug}
          </span>
        )}
      </div>
      <div className="query-split">
        <div className="query-editor" style={{ flexBasis: `${split * 100}%` }}>
          <SqlEditor initialValue={tab.initialSql} label={tab.title} onRun={onRun} onReady={onEditorReady} />
        </div>
        <Splitter value={split} onChange={setSplit} label="Resize editor and results" />
        <div className="query-results">
          <ResultsPanel run={run} title={tab.title} preset={tab.chart} errorLocation={errorLocation} onCancel={cancel} />
        </div>
      </div>
    </div>
  );
});
