import type { ContractError, PipelineFailure, PipelineMode, PipelineStepName } from '../../../shared/contract/index.ts';
import { Icon } from '../components/Icon.tsx';

interface WorkErrorProps {
  mode: PipelineMode;
  error: ContractError;
  /** The steps this plan or run was for, to say which did not run. */
  steps: readonly PipelineStepName[];
}

/** The error detail of a failed step (the renderer carries no zod: a shape check is enough here). */
export function asFailure(detail: unknown): PipelineFailure | null {
  const d = detail as Partial<PipelineFailure> | null;
  if (!d || typeof d !== 'object' || typeof d.step !== 'string' || typeof d.reason !== 'string' || (d.mode !== 'plan' && d.mode !== 'run') || !Array.isArray(d.completed)) return null;
  return { mode: d.mode, step: d.step, reason: d.reason, completed: d.completed, ...(typeof d.sqlstate === 'string' ? { sqlstate: d.sqlstate } : {}) };
}

/**
 * A plan or run that did not complete: another one in flight (busy), a step that failed (which one,
 * its message, and what that left behind), or a transport or argument error.
 */
export function WorkError({ mode, error, steps }: WorkErrorProps) {
  const failure = asFailure(error.detail);
  const cancelled = error.code === 'cancelled';
  const title =
    error.code === 'busy'
      ? 'Another pipeline run is in progress'
      : cancelled
        ? `The ${mode === 'plan' ? 'plan' : 'run'} was cancelled${failure ? ` at step ${failure.step}` : ''}`
        : failure
          ? `Step ${failure.step} failed`
          : `The ${mode === 'plan' ? 'plan' : 'run'} did not start`;
  const notRun = failure ? steps.slice(steps.indexOf(failure.step) + 1) : [];
  return (
    <div className={`run-error pipeline-error${cancelled ? ' pipeline-cancelled' : ''}`} role="alert">
      <div className="run-error-head">
        <Icon name="alert" />
        <span className="run-error-title">{title}</span>
        {failure?.sqlstate ? (
          <code className="run-error-code" title="SQLSTATE">
            {failure.sqlstate}
          </code>
        ) : (
          <code className="run-error-code">{error.code}</code>
        )}
      </div>
      {!cancelled && <p className="run-error-message">{failure ? failure.reason : error.message}</p>}
      {error.code === 'busy' && <p className="run-error-field">Nothing was started. Wait for the other run to finish (its progress shows here), then try again.</p>}
      {failure && mode === 'plan' && <p className="run-error-field">Nothing was changed: a plan (dry run) never changes anything.</p>}
      {failure && mode === 'run' && (
        <>
          <p className="run-error-field">
            <span>{cancelled ? 'Cancelled' : 'Failed'}</span>
            {failure.step} changed nothing: its transaction was rolled back.
          </p>
          <p className="run-error-field">
            <span>Applied</span>
            {failure.completed.length ? `${failure.completed.join(', ')} completed before it and stay applied.` : 'no step completed before it.'}
          </p>
          {notRun.length > 0 && (
            <p className="run-error-field">
              <span>Not run</span>
              {notRun.join(', ')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
