import {
  normalizeEmail,
  normalizePhone,
  normalizeQuoteNumber,
  parseDate,
  parseDateTime,
  parseDecimal,
  parseInteger,
  parseStatus,
  ValueError,
} from './values.ts';

/** The longest field the importer accepts; a longer one is rejected with its row and column. */
export const maxFieldLength = 10_000;

/**
 * How one column of an export is read. `parse` turns trimmed, non-empty raw text into the value
 * loaded, or throws ValueError (the row is rejected). `lenient` fields never reject a row: a value
 * that does not parse stays only in its raw_* column (a malformed e-mail is a data-quality finding,
 * not a reason to lose the lead).
 */
export interface FieldSpec {
  headers: readonly string[];
  required?: boolean;
  parse: (raw: string) => string;
  lenient?: boolean;
}

const text = (raw: string) => raw.trim().replace(/\s+/g, ' ');

export const f = {
  text: (headers: string[], required = false): FieldSpec => ({ headers, required, parse: text }),
  quote: (headers: string[], required = false): FieldSpec => ({ headers, required, parse: normalizeQuoteNumber }),
  email: (headers: string[]): FieldSpec => ({ headers, parse: normalizeEmail, lenient: true }),
  phone: (headers: string[]): FieldSpec => ({ headers, parse: normalizePhone, lenient: true }),
  date: (headers: string[], required = false): FieldSpec => ({ headers, required, parse: parseDate }),
  datetime: (headers: string[], required = false): FieldSpec => ({ headers, required, parse: parseDateTime }),
  money: (headers: string[], required = false): FieldSpec => ({ headers, required, parse: (r) => parseDecimal(r, { min: -1e9, max: 1e9 }) }),
  decimal: (headers: string[], min: number, max: number): FieldSpec => ({ headers, parse: (r) => parseDecimal(r, { min, max }) }),
  int: (headers: string[], min: number, max: number, required = false): FieldSpec => ({ headers, required, parse: (r) => parseInteger(r, { min, max }) }),
  minutes: (headers: string[]): FieldSpec => ({
    headers,
    parse: (r) => String(Math.round(Number(parseDecimal(r, { min: 0, max: 1e7 })) * 60)),
  }),
  status: (headers: string[], allowed: readonly string[], synonyms: Record<string, string> = {}): FieldSpec => ({
    headers,
    required: true,
    parse: (r) => parseStatus(r, allowed, synonyms),
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

export { ValueError };
