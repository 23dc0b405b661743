import type { Detected } from './detect.ts';

export interface Reject {
  /** Data row number: 1 is the first row under the header. */
  row: number;
  column: string | null;
  reason: string;
  raw: Record<string, string>;
}

/**
 * The structural checks that must happen before a row can be staged: its field count (a CSV row with
 * more or fewer fields than the header cannot be mapped safely) and spreadsheet cells that hold no
 * value (an error, or a formula never computed). Values are checked later, in SQL.
 */
export function structuralProblem(detected: Detected, headers: string[], cells: string[], problems?: (string | undefined)[]): Omit<Reject, 'row' | 'raw'> | undefined {
  if (!problems && cells.length !== headers.length) {
    return { column: null, reason: `expected ${headers.length} fields, found ${cells.length}${cells.length < headers.length ? ' (a truncated row?)' : ''}` };
  }
  for (const index of detected.columns.values()) {
    const problem = problems?.[index];
    if (problem) return { column: headers[index] ?? null, reason: problem };
    if (cells[index]?.includes('\0')) return { column: headers[index] ?? null, reason: 'contains a NUL character (0x00), which cannot be stored' };
  }
  return undefined;
}

/** A cell as kept in import_reject.raw_row: at most 2000 characters, NUL shown as U+2400 (jsonb cannot hold NUL). */
function keepable(cell: string | undefined): string {
  return (cell ?? '').slice(0, 2000).replace(/\0/g, '\u2400');
}

/** The raw cells keyed by header, for the rejects file and import_reject.raw_row. */
export function rawRecord(headers: string[], cells: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    out[h || `column ${i + 1}`] = keepable(cells[i]);
  });
  for (let i = headers.length; i < cells.length; i += 1) out[`column ${i + 1}`] = keepable(cells[i]);
  return out;
}
