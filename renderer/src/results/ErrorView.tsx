import type { RunErrorView } from '../lib/runError.ts';
import { formatRowCount } from '../lib/pgTypes.ts';
import { Icon } from '../components/Icon.tsx';

/** A failed run: PostgreSQL's SQLSTATE, message, detail and hint, or the contract's message. */
export function ErrorView({ error, rowsBefore, line }: { error: RunErrorView; rowsBefore: number; line?: { line: number; column: number } }) {
  return (
    <div className="run-error" role="alert">
      <div className="run-error-head">
        <Icon name="alert" />
        <span className="run-error-title">{error.kind === 'database' ? 'Database error' : 'The statement did not run'}</span>
        {error.sqlstate && <code className="run-error-code" title="SQLSTATE">{error.sqlstate}</code>}
        {!error.sqlstate && error.code && <code className="run-error-code">{error.code}</code>}
        {line && (
          <span className="run-error-where">
            line {line.line}, column {line.column}
          </span>
        )}
      </div>
      <p className="run-error-message">{error.message}</p>
      {error.detail && (
        <p className="run-error-field">
          <span>Detail</span>
          {error.detail}
        </p>
      )}
      {error.hint && (
        <p className="run-error-field">
          <span>Hint</span>
          {error.hint}
        </p>
      )}
      {rowsBefore > 0 && <p className="run-error-field">{formatRowCount(rowsBefore)} arrived before the error.</p>}
    </div>
  );
}
