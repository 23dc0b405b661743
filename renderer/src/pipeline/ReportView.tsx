import { useState } from 'react';
import type { PipelineMode, StepReport, TableChange } from '../../../shared/contract/index.ts';
import { Icon } from '../components/Icon.tsx';
import { formatCount, formatElapsed } from '../lib/pgTypes.ts';
import { actionLabel, describeTotals, formatSampleValue, totalsOf } from './format.ts';

function Sample({ rows }: { rows: TableChange['sample'] }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="pipeline-sample">
      <table className="pipeline-table pipeline-sample-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => {
                const value = row[c];
                return (
                  <td key={c} className={value === null || value === undefined ? 'pipeline-null' : undefined}>
                    {formatSampleValue(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeRow({ change, mode, stepName }: { change: TableChange; mode: PipelineMode; stepName: string }) {
  const [open, setOpen] = useState(false);
  const sampleId = `pipeline-sample-${stepName}-${change.table}-${change.action}`;
  const hasSample = change.rows > 0 && change.sample.length > 0;
  return (
    <>
      <tr className={change.rows === 0 ? 'pipeline-zero' : undefined}>
        <td className="pipeline-table-name">{change.table}</td>
        <td>{actionLabel(change.action, mode)}</td>
        <td className="pipeline-num">{formatCount(change.rows)}</td>
        <td>
          {hasSample && (
            <button className="pipeline-link-button" aria-expanded={open} aria-controls={sampleId} onClick={() => setOpen((o) => !o)}>
              <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} />
              {open ? 'Hide sample' : `Sample (${change.sample.length})`}
            </button>
          )}
        </td>
      </tr>
      {hasSample && open && (
        <tr id={sampleId} className="pipeline-sample-row">
          <td colSpan={4}>
            <Sample rows={change.sample} />
          </td>
        </tr>
      )}
    </>
  );
}

/** One step's changes per table and action, with samples to expand, and its notes. */
function StepCard({ report, mode }: { report: StepReport; mode: PipelineMode }) {
  const totals = totalsOf(report.changes);
  const notes = Object.entries(report.notes);
  // Steps with changes open; the rest stay folded (their notes show when opened).
  const [open, setOpen] = useState(totals.total > 0);
  const bodyId = `pipeline-report-${report.step}`;
  return (
    <section className="pipeline-card" aria-label={`Step ${report.step}`}>
      <button className="pipeline-card-head" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} />
        <span className="pipeline-step-name">{report.step}</span>
        <span className={totals.total > 0 ? 'pipeline-card-totals' : 'pipeline-card-totals status-dim'}>{describeTotals(totals, mode)}</span>
        {notes.length > 0 && <span className="badge">{notes.length === 1 ? '1 note' : `${notes.length} notes`}</span>}
        <span className="spacer" />
        <span className="status-dim">{formatElapsed(report.durationMs)}</span>
      </button>
      {open && (
        <div id={bodyId} className="pipeline-card-body">
          {report.changes.length > 0 ? (
            <table className="pipeline-table pipeline-changes">
              <thead>
                <tr>
                  <th>Table</th>
                  <th>Action</th>
                  <th className="pipeline-num">Rows</th>
                  <th>
                    <span className="visually-hidden">Sample</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.changes.map((c) => (
                  <ChangeRow key={`${c.table}-${c.action}`} change={c} mode={mode} stepName={report.step} />
                ))}
              </tbody>
            </table>
          ) : (
            <p className="status-dim pipeline-card-empty">No table changes.</p>
          )}
          {notes.length > 0 && (
            <ul className="pipeline-notes" aria-label="Notes">
              {notes.map(([name, count]) => (
                <li key={name}>
                  <span className="pipeline-note-count">{formatCount(count)}</span> {name}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The reports of a plan or a run, step by step. */
export function ReportView({ reports, mode }: { reports: readonly StepReport[]; mode: PipelineMode }) {
  return (
    <div className="pipeline-reports">
      {reports.map((r) => (
        <StepCard key={r.step} report={r} mode={mode} />
      ))}
    </div>
  );
}
