import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Icon } from '../components/Icon.tsx';
import { SqlEditor } from '../editor/SqlEditor.tsx';
import { monaco } from '../editor/monaco.ts';
import type { MonacoEditor } from '../editor/monaco.ts';
import { useQueryRun } from '../hooks/useQueryRun.ts';
import type { RunOptions, RunState } from '../hooks/useQueryRun.ts';
import { Splitter } from '../layout/Splitter.tsx';
import { ParamForm } from '../library/ParamForm.tsx';
import { formToParams, initialFormValues } from '../library/paramForm.ts';
import type { FieldValue, FormValues } from '../library/paramForm.ts';
import { errorSpan } from '../lib/errorPosition.ts';
import { keys, withKey } from '../lib/platform.ts';
import { pickRunTarget } from '../lib/runTarget.ts';
import type { SqlStatement } from '../lib/sqlStatements.ts';
import { ResultsPanel } from '../results/ResultsPanel.tsx';
import type { QueryTabModel } from './tabsState.ts';

interface QueryTabProps {
  tab: QueryTabModel;
  active: boolean;
  panelId: string;
  tabId: string;
  onRunChange(tabId: string, run: RunState): void;
  /** Whether the tab's library query is a favourite; undefined for an ad-hoc tab. */
  favourite?: boolean;
  onToggleFavourite?(slug: string): void;
  /** A library query of this tab ran (for the Recent list). */
  onLibraryRun?(slug: string): void;
}

const markerOwner = 'workbench';

/**
 * One query tab: the SQL editor over the results of its latest run. A library query's tab adds a
 * form for its parameters and runs the whole query by slug, its values bound by the core; an ad-hoc
 * tab runs the selection or the statement at the cursor.
 */
export const QueryTab = memo(function QueryTab({ tab, active, panelId, tabId, onRunChange, favourite, onToggleFavourite, onLibraryRun }: QueryTabProps) {
  const editor = useRef<MonacoEditor | null>(null);
  const { state: run, run: runStatement, cancel } = useQueryRun();
  const [notice, setNotice] = useState<string | null>(null);
  const [split, setSplit] = useState(tab.params ? 0.34 : 0.42);
  const [errorLocation, setErrorLocation] = useState<{ line: number; column: number }>();
  const params = tab.params;
  const [form, setForm] = useState<FormValues>(() => initialFormValues(params ?? []));
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});

  const activeOnMount = useRef(active);
  const onEditorReady = useCallback((instance: MonacoEditor | null) => {
    editor.current = instance;
    if (instance && activeOnMount.current) instance.focus();
  }, []);

  /** What Run sends: the library query with the form's values, or the statement the user points at. */
  const target = useCallback((): { statement: SqlStatement; options: RunOptions } | { reason: string } | null => {
    const ed = editor.current;
    const model = ed?.getModel();
    const selection = ed?.getSelection();
    const position = ed?.getPosition();
    if (!ed || !model || !selection || !position) return null;
    if (params && tab.slug) {
      const values = formToParams(params, form);
      setFormErrors(values.ok ? {} : values.errors);
      if (!values.ok) return { reason: 'Check the parameters.' };
      const text = model.getValue();
      return { statement: { text, start: 0, end: text.length }, options: { slug: tab.slug, params: values.values, edited: text !== tab.initialSql } };
    }
    const picked = pickRunTarget(
      model.getValue(),
      { start: model.getOffsetAt(selection.getStartPosition()), end: model.getOffsetAt(selection.getEndPosition()) },
      model.getOffsetAt(position),
    );
    return picked.ok ? { statement: picked.statement, options: tab.slug ? { slug: tab.slug } : {} } : { reason: picked.reason };
  }, [params, form, tab.slug, tab.initialSql]);

  const runAtCursor = useCallback(async () => {
    const ed = editor.current;
    const model = ed?.getModel();
    const picked = target();
    if (!ed || !model || !picked) return;
    if ('reason' in picked) {
      setNotice(picked.reason);
      return;
    }
    setNotice(null);
    setErrorLocation(undefined);
    monaco.editor.setModelMarkers(model, markerOwner, []);
    const { statement, options } = picked;
    const range = monaco.Range.fromPositions(model.getPositionAt(statement.start), model.getPositionAt(statement.end));
    const running = ed.createDecorationsCollection([{ range, options: { className: 'statement-running', stickiness: 1 } }]);

    const final = await runStatement(statement, options);
    if (options.params && options.slug && final.status !== 'idle') onLibraryRun?.(options.slug);
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
  }, [runStatement, target, onLibraryRun]);

  const onRun = useCallback(() => void runAtCursor(), [runAtCursor]);

  const onParamChange = useCallback((name: string, value: FieldValue) => {
    setForm((old) => ({ ...old, [name]: value }));
    setFormErrors((old) => {
      if (!(name in old)) return old;
      const next = { ...old };
      delete next[name];
      return next;
    });
  }, []);
  const onParamReset = useCallback(() => {
    setForm(initialFormValues(params ?? []));
    setFormErrors({});
  }, [params]);

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

  const library = Boolean(params && tab.slug);
  return (
    <div className="query-tab" id={panelId} role="tabpanel" aria-labelledby={tabId} hidden={!active}>
      <div className="query-toolbar">
        <button
          className="button button-primary"
          onClick={onRun}
          title={withKey(library ? 'Run the query with these parameters' : 'Run the selection, or the statement at the cursor', keys.run)}
        >
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
        {tab.slug && onToggleFavourite && (
          <button
            className={`icon-button favourite-toggle${favourite ? ' favourite-on' : ''}`}
            aria-pressed={favourite === true}
            aria-label="Favourite"
            title={favourite ? 'Remove from favourites' : 'Add to favourites'}
            onClick={() => tab.slug && onToggleFavourite(tab.slug)}
          >
            <Icon name="star" size={14} filled={favourite === true} />
          </button>
        )}
      </div>
      {params && params.length > 0 && <ParamForm params={params} values={form} errors={formErrors} onChange={onParamChange} onReset={onParamReset} onSubmit={onRun} />}
      <div className="query-split">
        <div className="query-editor" style={{ flexBasis: `${split * 100}%` }}>
          <SqlEditor initialValue={tab.initialSql} label={tab.title} onRun={onRun} onReady={onEditorReady} />
        </div>
        <Splitter value={split} onChange={setSplit} label="Resize editor and results" />
        <div className="query-results">
          <ResultsPanel run={run} title={tab.title} preset={tab.chart} {...(tab.formats ? { formats: tab.formats } : {})} errorLocation={errorLocation} onCancel={cancel} />
        </div>
      </div>
    </div>
  );
});
