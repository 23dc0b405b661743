import { DbError, TargetError } from '../db/index.ts';
import { LockBusyError } from '../db/lockfile.ts';
import { ImportFileError } from '../import/index.ts';
import { PipelineBusyError, UnknownStepError } from '../pipeline/index.ts';
import { MigrationFailedError, MigrationFileError, MigrationHistoryError } from '../migrate/index.ts';

/** An error the user can act on: printed as one line, no stack trace. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const userFacing = [UserError, ImportFileError, PipelineBusyError, UnknownStepError, DbError, TargetError, LockBusyError, MigrationFailedError, MigrationFileError, MigrationHistoryError];

/** Points at `position` (1-based) in `sql` with a caret under the offending line. */
export function pointAt(sql: string, position: number): string {
  const before = sql.slice(0, position - 1);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = sql.indexOf('\n', lineStart);
  const line = sql.slice(lineStart, lineEnd === -1 ? sql.length : lineEnd);
  const lineNumber = before.split('\n').length;
  const column = position - lineStart;
  return `  line ${lineNumber}: ${line}\n  ${' '.repeat(`line ${lineNumber}: `.length + column - 1)}^`;
}

/** Formats an error for stderr; returns the exit code. */
export function reportError(error: unknown, write: (text: string) => void, context: { sql?: string } = {}): number {
  const known = userFacing.some((type) => error instanceof type);
  if (!known) {
    const message = error instanceof Error ? error.message : String(error);
    write(`workbench: unexpected error: ${message}\n`);
    if (process.env.WORKBENCH_DEBUG && error instanceof Error && error.stack) write(`${error.stack}\n`);
    else write('  (set WORKBENCH_DEBUG=1 for the stack trace)\n');
    return 70;
  }
  const e = error as Error;
  if (e instanceof DbError) {
    write(`workbench: ${e.message} [SQLSTATE ${e.sqlstate}]\n`);
    if (e.position !== undefined && context.sql) write(`${pointAt(context.sql, e.position)}\n`);
    if (e.detail) write(`  detail: ${e.detail}\n`);
    if (e.hint) write(`  hint: ${e.hint}\n`);
    return 1;
  }
  write(`workbench: ${e.message}\n`);
  return e instanceof UserError ? e.exitCode : 1;
}
