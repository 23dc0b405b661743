import { useEffect, useId, useRef } from 'react';
import type { StepReport } from '../../../shared/contract/index.ts';
import { formatCount } from '../lib/pgTypes.ts';
import { actions, describeTotals, totalsOf } from './format.ts';

interface ConfirmRunDialogProps {
  reports: readonly StepReport[];
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before a run, showing what the plan found: the row changes per action over all steps, and per
 * step. Enter runs (the Run button has the focus), Esc or Cancel does not.
 */
export function ConfirmRunDialog({ reports, onConfirm, onCancel }: ConfirmRunDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first button (Cancel); the plan was just shown, so Enter confirms.
    confirmRef.current?.focus();
    return () => dialog?.close();
  }, []);
  const totals = totalsOf(reports.flatMap((r) => r.changes));
  const steps = reports.length;
  return (
    <dialog
      ref={ref}
      className="pipeline-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="pipeline-dialog-title">
        Run {steps === 1 ? '1 step' : `${steps} steps`}?
      </h2>
      <p>
        The plan (dry run) found <strong>{formatCount(totals.total)}</strong> row {totals.total === 1 ? 'change' : 'changes'} to make:
      </p>
      <table className="pipeline-table pipeline-dialog-totals">
        <thead>
          <tr>
            <th>Step</th>
            {actions.map((a) => (
              <th key={a} className="pipeline-num">
                {a}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => {
            const t = totalsOf(r.changes);
            return (
              <tr key={r.step}>
                <td className="pipeline-step-name">{r.step}</td>
                {actions.map((a) => (
                  <td key={a} className={t[a] ? 'pipeline-num' : 'pipeline-num status-dim'}>
                    {formatCount(t[a])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th>Total</th>
            {actions.map((a) => (
              <th key={a} className="pipeline-num">
                {formatCount(totals[a])}
              </th>
            ))}
          </tr>
        </tfoot>
      </table>
      <p className="status-dim">
        {totals.total === 0 ? 'Nothing to change: the run only adds audit rows. ' : `${describeTotals(totals, 'plan')}. `}
        Each step runs in its own transaction and writes an audit row; a step that fails changes nothing.
      </p>
      <div className="pipeline-dialog-buttons">
        <button className="button" onClick={onCancel}>
          Cancel
        </button>
        <button className="button button-primary" ref={confirmRef} onClick={onConfirm}>
          Run {steps === 1 ? '1 step' : `${steps} steps`}
        </button>
      </div>
    </dialog>
  );
}
