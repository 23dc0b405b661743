import { maxFieldLength, ValueError } from './fields.ts';
import type { Detected } from './detect.ts';
import type { ParsedRow } from './sources.ts';

export interface Reject {
  /** Data row number: 1 is the first row under the header. */
  row: number;
  column: string | null;
  reason: string;
  raw: Record<string, string>;
}

export type RowOutcome = { ok: true; row: ParsedRow; key: string } | { ok: false; reject: Omit<Reject, 'row' | 'raw'> };

/**
 * Reads one data row: every mapped column parsed, blanks as null, the raw text kept. A row is
 * rejected for a wrong field count, a missing required value, a value that does not parse, a field
 * over the length limit, or a spreadsheet cell that holds no value (error, uncomputed formula).
 */
export function parseRow(detected: Detected, headers: string[], cells: string[], problems?: (string | undefined)[]): RowOutcome {
  if (!problems && cells.length !== headers.length) {
    return { ok: false, reject: { column: null, reason: `expected ${headers.length} fields, found ${cells.length}${cells.length < headers.length ? ' (a truncated row?)' : ''}` } };
  }
  const row: ParsedRow = {};
  for (const [field, spec] of Object.entries(detected.spec.fields)) {
    const index = detected.columns.get(field);
    const header = index === undefined ? (spec.headers[0] ?? field) : (headers[index] ?? field);
    if (index === undefined) {
      row[field] = { raw: null, value: null };
      continue;
    }
    const problem = problems?.[index];
    if (problem) return { ok: false, reject: { column: header, reason: problem } };
    const raw = cells[index] ?? '';
    if (raw.length > maxFieldLength) {
      return { ok: false, reject: { column: header, reason: `value is ${raw.length} characters long; the limit is ${maxFieldLength}` } };
    }
    if (raw.trim() === '') {
      if (spec.required) return { ok: false, reject: { column: header, reason: 'required value is blank' } };
      row[field] = { raw: raw === '' ? null : raw, value: null };
      continue;
    }
    try {
      row[field] = { raw, value: spec.parse(raw) };
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      if (spec.lenient) row[field] = { raw, value: null };
      else return { ok: false, reject: { column: header, reason: error.message } };
    }
  }
  return { ok: true, row, key: detected.spec.naturalKey(row) };
}

/** The raw cells keyed by header, for the rejects file and import_reject.raw_row. */
export function rawRecord(headers: string[], cells: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    out[h || `column ${i + 1}`] = (cells[i] ?? '').slice(0, 2000);
  });
  for (let i = headers.length; i < cells.length; i += 1) out[`column ${i + 1}`] = (cells[i] ?? '').slice(0, 2000);
  return out;
}
