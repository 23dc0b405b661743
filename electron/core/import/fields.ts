/**
 * How each column of an export is read. The checks run as set-based SQL over the staging table
 * (sql-fields.ts), so a million rows are validated by PostgreSQL in one statement, not row by row in
 * JavaScript. `lenient` fields never reject a row: a value that does not parse stays only in its raw_*
 * column (a malformed e-mail is a data-quality finding, not a reason to lose the lead).
 */
export type FieldType = 'text' | 'quote' | 'email' | 'phone' | 'date' | 'datetime' | 'decimal' | 'integer' | 'minutes' | 'status';

export interface FieldSpec {
  headers: readonly string[];
  type: FieldType;
  required?: boolean;
  lenient?: boolean;
  min?: number;
  max?: number;
  /** Status vocabulary and raw-word synonyms (keys upper-case with _ for spaces and dashes). */
  allowed?: readonly string[];
  synonyms?: Readonly<Record<string, string>>;
}

/** The longest field the importer accepts; a longer one is rejected with its row and column. */
export const maxFieldLength = 10_000;

export const f = {
  text: (headers: string[], required = false): FieldSpec => ({ headers, type: 'text', required }),
  quote: (headers: string[], required = false): FieldSpec => ({ headers, type: 'quote', required }),
  email: (headers: string[]): FieldSpec => ({ headers, type: 'email', lenient: true }),
  phone: (headers: string[]): FieldSpec => ({ headers, type: 'phone', lenient: true }),
  date: (headers: string[], required = false): FieldSpec => ({ headers, type: 'date', required }),
  datetime: (headers: string[], required = false): FieldSpec => ({ headers, type: 'datetime', required }),
  money: (headers: string[], required = false): FieldSpec => ({ headers, type: 'decimal', required, min: -1e9, max: 1e9 }),
  decimal: (headers: string[], min: number, max: number): FieldSpec => ({ headers, type: 'decimal', min, max }),
  int: (headers: string[], min: number, max: number, required = false): FieldSpec => ({ headers, type: 'integer', required, min, max }),
  minutes: (headers: string[]): FieldSpec => ({ headers, type: 'minutes', min: 0, max: 1e7 }),
  status: (headers: string[], allowed: readonly string[], synonyms: Record<string, string> = {}): FieldSpec => ({
    headers,
    type: 'status',
    required: true,
    allowed,
    synonyms,
  }),
};

/** A header as compared: lower case, punctuation other than # folded to single spaces. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}
