import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContractError, MethodResult, PipelineMode, PipelineStepName, StepReport } from '../../../shared/contract/index.ts';
import { Icon } from '../components/Icon.tsx';
import { useClient } from '../hooks/client.tsx';
import { withKey } from '../lib/platform.ts';
import { formatCount, formatElapsed } from '../lib/pgTypes.ts';
import { isInFlight } from './activity.ts';
import { ConfirmRunDialog } from './ConfirmRunDialog.tsx';
import { describeTotals, totalsOf } from './format.ts';
import { HistoryTable } from './HistoryTable.tsx';
import type { HistoryState } from './HistoryTable.tsx';
import { pipelineKeys } from './keys.ts';
import { LiveProgress } from './LiveProgress.tsx';
import { ReportView } from './ReportView.tsx';
import { StepList } from './StepList.tsx';
import type { PipelineActivityState } from './usePipelineActivity.ts';
import { WorkError } from './WorkError.tsx';

type ListValue = MethodResult<'pipeline/list'>;

/** What this window's last plan or run came to. */
type Outcome =
  | { mode: PipelineMode; status: 'done'; steps: PipelineStepName[]; reports: StepReport[]; durationMs: number; stale: boolean }
  | { mode: PipelineMode; status: 'failed'; steps: PipelineStepName[]; error: ContractError };

const historyPage = 25;

function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `pl-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const sameSteps = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

function OutcomeHead({ outcome }: { outcome: Extract<Outcome, { status: 'done' }> }) {
  const totals = totalsOf(outcome.reports.flatMap((r) => r.changes));
  const steps = outcome.reports.length === 1 ? '1 step' : `${outcome.reports.length} steps`;
  const plan = outcome.mode === 'plan';
  return (
    <div className={`pipeline-outcome-head${totals.total === 0 ? ' pipeline-outcome-none' : ''}`} role="status">
      <strong>{plan ? 'Plan (dry run)' : 'Run finished'}</strong>
      <span className="status-dim">
        {steps} · {formatElapsed(outcome.durationMs)}
      </span>
      <span className="pipeline-outcome-totals">
        {totals.total === 0
          ? plan
            ? 'No changes: the selected steps are up to date.'
            : 'No changes were needed.'
          : `${formatCount(totals.total)} row ${totals.total === 1 ? 'change' : 'changes'}${plan ? ' would be made' : ''}: ${describeTotals(totals, outcome.mode)}.`}
      </span>
      <span className="status-dim">{plan ? 'Nothing was changed.' : 'Each step wrote an audit row.'}</span>
      {outcome.stale && <span className="badge badge-warn">a run finished since: plan again for current counts</span>}
    </div>
  );
}

interface PipelineScreenProps {
  hidden: boolean;
  pipeline: PipelineActivityState;
}

/**
 * The data pipelines: the steps in dependency order with their last run, a dry run (plan) that shows
 * per step and table the rows it would change, a run behind a confirmation with live progress, and the
 * audit history.
 */
export function PipelineScreen({ hidden, pipeline }: PipelineScreenProps) {
  const client = useClient();
  const { activity, catchUp } = pipeline;
  const [list, setList] = useState<{ value: ListValue | null; error: string | null }>({ value: null, error: null });
  const [history, setHistory] = useState<HistoryState>({ rows: [], nextBeforeId: null, loading: true, pending: false, error: null });
  const [excluded, setExcluded] = useState<ReadonlySet<PipelineStepName>>(new Set());
  const [busy, setBusy] = useState<PipelineMode | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<{ steps: PipelineStepName[]; reports: StepReport[] } | null>(null);
  /** The run id a cancel was asked for (the button shows "Cancelling…" while that run is in flight). */
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [cancelError, setCancelError] = useState<{ runId: string; message: string } | null>(null);

  const refreshList = useCallback(async () => {
    const result = await client.call('pipeline/list', {});
    if (result.ok) {
      setList({ value: result.value, error: null });
      catchUp(result.value.active);
    } else {
      setList((old) => ({ value: old.value, error: result.error.message }));
    }
  }, [client, catchUp]);

  const loadHistory = useCallback(
    async (beforeId?: number) => {
      setHistory((h) => ({ ...h, loading: true }));
      const result = await client.call('pipeline/history', { limit: historyPage, ...(beforeId ? { beforeId } : {}) });
      setHistory((h) =>
        result.ok
          ? {
              rows: beforeId ? [...h.rows, ...result.value.rows] : result.value.rows,
              nextBeforeId: result.value.nextBeforeId,
              loading: false,
              pending: result.value.pending,
              error: null,
            }
          : { ...h, loading: false, error: result.error.message },
      );
    },
    [client],
  );

  useEffect(() => {
    void refreshList();
    void loadHistory();
  }, [refreshList, loadHistory]);

  // When work ends (this window's or anyone's), the last runs and the history change; a run also
  // makes an earlier plan's counts stale.
  const inFlight = isInFlight(activity);
  const seenEnd = useRef<string | null>(null);
  useEffect(() => {
    if (!activity || inFlight) return;
    const key = `${activity.runId}:${activity.phase}`;
    if (seenEnd.current === key) return;
    seenEnd.current = key;
    void refreshList();
    void loadHistory();
    if (activity.mode === 'run') setOutcome((o) => (o?.mode === 'plan' && o.status === 'done' ? { ...o, stale: true } : o));
  }, [activity, inFlight, refreshList, loadHistory]);

  const steps = useMemo(() => list.value?.steps ?? [], [list.value]);
  const selected = useMemo(() => new Set(steps.map((s) => s.name).filter((n) => !excluded.has(n))), [steps, excluded]);
  const selectedSteps = useMemo(() => steps.map((s) => s.name).filter((n) => selected.has(n)), [steps, selected]);
  const locked = busy !== null || inFlight || confirming !== null;
  const othersBusy = inFlight && busy === null;

  const work = useCallback(
    async (mode: PipelineMode, names: PipelineStepName[]): Promise<Outcome> => {
      setBusy(mode);
      setOutcome(null);
      const runId = newRunId();
      const result = await client.call(mode === 'plan' ? 'pipeline/plan' : 'pipeline/run', { runId, steps: names });
      const next: Outcome = result.ok
        ? { mode, status: 'done', steps: names, reports: result.value.reports, durationMs: result.value.durationMs, stale: false }
        : { mode, status: 'failed', steps: names, error: result.error };
      setOutcome(next);
      setBusy(null);
      return next;
    },
    [client],
  );

  const plan = useCallback(() => {
    if (locked || selectedSteps.length === 0) return;
    void work('plan', selectedSteps);
  }, [locked, selectedSteps, work]);

  // A run is confirmed against a plan of the same steps; without a fresh one, plan first.
  const requestRun = useCallback(async () => {
    if (locked || selectedSteps.length === 0) return;
    let planned = outcome?.mode === 'plan' && outcome.status === 'done' && !outcome.stale && sameSteps(outcome.steps, selectedSteps) ? outcome : null;
    if (!planned) {
      const fresh = await work('plan', selectedSteps);
      if (fresh.status !== 'done') return;
      planned = fresh;
    }
    setConfirming({ steps: planned.steps, reports: planned.reports });
  }, [locked, selectedSteps, outcome, work]);

  const confirmRun = () => {
    const names = confirming?.steps;
    setConfirming(null);
    if (names) void work('run', names);
  };

  // A new result or the start of work scrolls into view: both sit below the steps.
  const outcomeRef = useRef<HTMLElement>(null);
  const liveRef = useRef<HTMLDivElement>(null);
  const finishedWork = outcome?.status === 'done' ? outcome.reports : outcome?.error;
  useEffect(() => {
    if (finishedWork) outcomeRef.current?.scrollIntoView({ block: 'start' });
  }, [finishedWork]);
  useEffect(() => {
    if (inFlight) liveRef.current?.scrollIntoView({ block: 'nearest' });
  }, [inFlight]);

  // Cancel whatever is in flight, whoever started it (this window, another, or the first start).
  const cancel = useCallback(async () => {
    if (!activity || !inFlight || cancelling === activity.runId) return;
    const runId = activity.runId;
    setCancelling(runId);
    setCancelError(null);
    const result = await client.call('pipeline/cancel', { runId });
    if (!result.ok) setCancelError({ runId, message: `The cancel did not get through: ${result.error.message}` });
    if (!result.ok || !result.value.cancelled) setCancelling(null);
  }, [activity, inFlight, cancelling, client]);

  const shortcuts = useRef({ plan, requestRun, cancel });
  shortcuts.current = { plan, requestRun, cancel };
  useEffect(() => {
    if (hidden) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.code === pipelineKeys.plan.code) shortcuts.current.plan();
      else if (event.code === pipelineKeys.run.code) void shortcuts.current.requestRun();
      else if (event.code === pipelineKeys.cancel.code) void shortcuts.current.cancel();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [hidden]);

  const toggle = (name: PipelineStepName) =>
    setExcluded((old) => {
      const next = new Set(old);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  const disabledWhy = othersBusy ? 'another pipeline run is in progress' : selectedSteps.length === 0 ? 'select at least one step' : null;

  return (
    <main className="pipeline-screen" hidden={hidden} aria-label="Pipelines">
      <div className="pipeline-toolbar">
        <h1 className="pipeline-title">Pipelines</h1>
        <span className="status-dim">
          {selectedSteps.length} of {steps.length} steps selected
        </span>
        <span className="spacer" />
        <button
          className="button"
          onClick={plan}
          disabled={locked || selectedSteps.length === 0}
          title={withKey(disabledWhy ? `Plan (dry run): ${disabledWhy}` : 'Plan (dry run): what the selected steps would change, changing nothing', pipelineKeys.plan.label)}
        >
          <Icon name="search" size={14} />
          Plan (dry run)
        </button>
        <button
          className="button button-primary"
          onClick={() => void requestRun()}
          disabled={locked || selectedSteps.length === 0}
          title={withKey(disabledWhy ? `Run: ${disabledWhy}` : 'Run the selected steps (plans first, then asks)', pipelineKeys.run.label)}
        >
          <Icon name="play" size={12} />
          Run…
        </button>
      </div>
      <div className="pipeline-body">
        {list.error && (
          <p className="pipeline-inline-error" role="alert">
            The steps did not load: {list.error}{' '}
            <button className="button" onClick={() => void refreshList()}>
              Retry
            </button>
          </p>
        )}
        <section className="pipeline-section" aria-labelledby="pipeline-steps-title">
          <h2 id="pipeline-steps-title" className="pipeline-section-title">
            Steps
          </h2>
          {list.value ? (
            <StepList
              steps={steps}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(all) => setExcluded(all ? new Set() : new Set(steps.map((s) => s.name)))}
              locked={locked}
              lastRunsPending={list.value.lastRunsPending}
              activity={activity}
            />
          ) : (
            !list.error && <p className="status-dim">Loading…</p>
          )}
        </section>

        <div ref={liveRef}>
          {activity && inFlight && <LiveProgress activity={activity} onCancel={() => void cancel()} cancelling={cancelling === activity.runId} />}
          {activity && inFlight && cancelError?.runId === activity.runId && (
            <p className="pipeline-inline-error" role="alert">
              {cancelError.message}
            </p>
          )}
        </div>

        {outcome && !inFlight && (
          <section className="pipeline-section" aria-labelledby="pipeline-outcome-title" ref={outcomeRef}>
            <h2 id="pipeline-outcome-title" className="pipeline-section-title">
              {outcome.mode === 'plan' ? 'Plan' : 'Run'}
            </h2>
            {outcome.status === 'done' ? (
              <>
                <OutcomeHead outcome={outcome} />
                <ReportView reports={outcome.reports} mode={outcome.mode} />
              </>
            ) : (
              <WorkError mode={outcome.mode} error={outcome.error} steps={outcome.steps} />
            )}
          </section>
        )}

        {!outcome && !inFlight && activity?.phase === 'failed' && activity.error && (
          <p className="pipeline-inline-error" role="alert">
            The last pipeline {activity.mode} failed{activity.step ? ` at ${activity.step}` : ''}: {activity.error}
          </p>
        )}
        {!outcome && !inFlight && activity?.phase === 'cancelled' && activity.error && (
          <p className="pipeline-inline-note" role="status">
            {activity.error}
          </p>
        )}

        <section className="pipeline-section" aria-labelledby="pipeline-history-title">
          <div className="pipeline-section-head">
            <h2 id="pipeline-history-title" className="pipeline-section-title">
              History
            </h2>
            <button className="icon-button" onClick={() => void loadHistory()} aria-label="Refresh the history" title="Refresh the history">
              <Icon name="reset" size={14} />
            </button>
          </div>
          <HistoryTable history={history} onMore={() => void loadHistory(history.nextBeforeId ?? undefined)} />
        </section>
      </div>
      {confirming && <ConfirmRunDialog reports={confirming.reports} onConfirm={confirmRun} onCancel={() => setConfirming(null)} />}
    </main>
  );
}
