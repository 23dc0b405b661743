import { statementAtOffset, statementsInRange } from './sqlStatements.ts';
import type { SqlStatement } from './sqlStatements.ts';

export type RunTarget = { ok: true; statement: SqlStatement; fromSelection: boolean } | { ok: false; reason: string };

/**
 * What Ctrl/Cmd+Enter runs: the selection when there is one (it must hold exactly one statement, as
 * the core runs one statement per call), else the statement at the cursor.
 * Offsets are UTF-16 offsets into the editor's text.
 */
export function pickRunTarget(text: string, selection: { start: number; end: number }, cursor: number): RunTarget {
  if (selection.end > selection.start) {
    const statements = statementsInRange(text, selection.start, selection.end);
    if (statements.length === 0) return { ok: false, reason: 'The selection holds no statement.' };
    if (statements.length > 1) return { ok: false, reason: `The selection holds ${statements.length} statements; select one, or put the cursor in it.` };
    return { ok: true, statement: statements[0] as SqlStatement, fromSelection: true };
  }
  const statement = statementAtOffset(text, cursor);
  if (!statement) return { ok: false, reason: 'There is no statement to run.' };
  return { ok: true, statement, fromSelection: false };
}
