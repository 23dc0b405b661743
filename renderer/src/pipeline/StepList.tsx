import type { MethodResult, PipelineActivity, PipelineAuditRow, PipelineStepName } from '../../../shared/contract/index.ts';
import { formatElapsed } from '../lib/pgTypes.ts';
import { describeChanges, formatAgo, formatWhen } from './format.ts';

type StepInfo = MethodResult<'pipeline/list'>['steps'][number];

interface StepListProps {
  steps: readonly StepInfo[];
  selected: ReadonlySet<PipelineStepName>;
  onToggle(step: PipelineStepName): void;
  onToggleAll(all: boolean): void;
  /** Disables the checkboxes while work is in flight. */
  locked: boolean;
  lastRunsPending: boolean;
  /** Marks the step in flight and the ones already done. */
  activity: PipelineActivity | null;
}

function LastRun({ run, pending }: { run: PipelineAuditRow | null; pending: boolean }) {
  if (pending) return <span className="status-dim">shown when the run in flight ends</span>;
  if (!run) return <span className="status-dim">never run</span>;
  const failed = run.status === 'failed';
  // A failed run gives its error; a cancelled one says so, in the plain colour.
  const stopped = failed || run.status === 'cancelled';
  return (
    <div className="pipeline-lastrun">
      <span className={`pipeline-status pipeline-status-${run.status}`}>{run.status}</span>{' '}
      <span title={`started ${new Date(run.startedAt).toLocaleString()} by ${run.runBy}`}>
        {formatAgo(run.startedAt)} <span className="status-dim">({formatWhen(run.startedAt)})</span>
      </span>
      {run.durationMs !== null && <span className="status-dim"> · {formatElapsed(run.durationMs)}</span>}
      <span className="status-dim"> · {run.runBy}</span>
      <div className={failed ? 'pipeline-lastrun-error' : 'pipeline-lastrun-counts'} title={stopped ? (run.error ?? '') : describeChanges(run.changes)}>
        {stopped ? run.error : describeChanges(run.changes)}
      </div>
    </div>
  );
}

/** The steps in dependency order, each with a checkbox, what it does, what it needs, and its last run. */
export function StepList({ steps, selected, onToggle, onToggleAll, locked, lastRunsPending, activity }: StepListProps) {
  const all = steps.length > 0 && steps.every((s) => selected.has(s.name));
  const none = steps.every((s) => !selected.has(s.name));
  const live = activity && (activity.phase === 'planning' || activity.phase === 'running') ? activity : null;
  return (
    <table className="pipeline-table pipeline-steps">
      <caption className="visually-hidden">Pipeline steps in dependency order</caption>
      <thead>
        <tr>
          <th className="pipeline-check-cell">
            <input
              type="checkbox"
              aria-label="Select all steps"
              title={all ? 'Select no step' : 'Select every step'}
              checked={all}
              ref={(el) => {
                if (el) el.indeterminate = !all && !none;
              }}
              disabled={locked}
              onChange={() => onToggleAll(!all)}
            />
          </th>
          <th>#</th>
          <th>Step</th>
          <th>What it does</th>
          <th>Needs</th>
          <th>Last run</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step, i) => {
          const current = live?.step === step.name;
          const finished = live?.finished.some((f) => f.step === step.name);
          return (
            <tr key={step.name} className={current ? 'pipeline-row-current' : undefined} aria-current={current ? 'step' : undefined}>
              <td className="pipeline-check-cell">
                <input
                  type="checkbox"
                  id={`pipeline-step-${step.name}`}
                  checked={selected.has(step.name)}
                  disabled={locked}
                  onChange={() => onToggle(step.name)}
                  aria-describedby={`pipeline-step-${step.name}-description`}
                />
              </td>
              <td className="pipeline-num">{i + 1}</td>
              <td className="pipeline-step-name">
                <label htmlFor={`pipeline-step-${step.name}`}>{step.name}</label>
                {current && <span className="spinner" aria-label="in flight" />}
                {finished && (
                  <span className="pipeline-done-mark" aria-label="finished">
                    ✓
                  </span>
                )}
              </td>
              <td id={`pipeline-step-${step.name}-description`} className="pipeline-description">
                {step.description}
              </td>
              <td className="pipeline-needs">{step.after.length ? step.after.join(', ') : <span className="status-dim">—</span>}</td>
              <td>
                <LastRun run={step.lastRun} pending={lastRunsPending} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
