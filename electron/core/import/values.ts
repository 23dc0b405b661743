/**
 * Parsing raw export text into typed values. Each parser returns the normalized text that COPY loads,
 * or throws ValueError with a reason a person can act on. Raw text is kept separately by the caller.
 */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const usDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

function checkedDate(year: number, month: number, day: number, raw: string): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new ValueError(`impossible date "${raw}"`);
  }
  if (year < 1900 || year > 2100) throw new ValueError(`date out of range (1900–2100): "${raw}"`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** '2023-07-14', '7/14/2023' (US month/day/year), with an optional time that a date column ignores. */
export function parseDate(raw: string): string {
  const text = raw.trim();
  let m = isoDate.exec(text);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  m = usDate.exec(text);
  if (m) return checkedDate(Number(m[3]), Number(m[1]), Number(m[2]), raw);
  throw new ValueError(`not a date: "${raw}" (expected YYYY-MM-DD or M/D/YYYY)`);
}

/** A timestamp without zone, as 'YYYY-MM-DD HH:MM:SS' (local time of the business). */
export function parseDateTime(raw: string): string {
  const text = raw.trim();
  const iso = isoDate.exec(text);
  const us = iso ? undefined : usDate.exec(text);
  const m = iso ?? us;
  if (!m) throw new ValueError(`not a date: "${raw}" (expected YYYY-MM-DD or M/D/YYYY, optionally with a time)`);
  const day = iso ? checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), raw) : checkedDate(Number(m[3]), Number(m[1]), Number(m[2]), raw);
  let hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const meridiem = us ? m[7]?.toLowerCase() : undefined;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || second > 59) throw new ValueError(`impossible time in "${raw}"`);
  return `${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}`;
}

/** '$1,234.50', '1234.5', '(12.00)' for negatives; at most `scale` decimals kept by PostgreSQL. */
export function parseDecimal(raw: string, options: { min?: number; max?: number } = {}): string {
  let text = raw.trim().replace(/[$\s,]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(text)) throw new ValueError(`not a number: "${raw}"`);
  const value = Number(text) * (negative ? -1 : 1);
  if (options.min !== undefined && value < options.min) throw new ValueError(`must be at least ${options.min}: "${raw}"`);
  if (options.max !== undefined && value > options.max) throw new ValueError(`must be at most ${options.max}: "${raw}"`);
  return negative ? `-${text.replace(/^-/, '')}` : text;
}

export function parseInteger(raw: string, options: { min?: number; max?: number } = {}): string {
  const text = raw.trim().replace(/,/g, '');
  if (!/^-?\d+(\.0+)?$/.test(text)) throw new ValueError(`not a whole number: "${raw}"`);
  const value = Number.parseInt(text, 10);
  if (options.min !== undefined && value < options.min) throw new ValueError(`must be at least ${options.min}: "${raw}"`);
  if (options.max !== undefined && value > options.max) throw new ValueError(`must be at most ${options.max}: "${raw}"`);
  return String(value);
}

/**
 * "Q-001234", "1234", " 1234 ", "#1234" → "1234": the digits without leading zeros, so every spelling of
 * one quote meets. Text without digits is not a quote number.
 */
export function normalizeQuoteNumber(raw: string): string {
  const digits = raw.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (!digits) throw new ValueError(`not a quote number: "${raw}"`);
  if (digits.length > 18) throw new ValueError(`quote number too long: "${raw}"`);
  return digits;
}

/** Lower-cased, trimmed e-mail; rejects text without a single @ and a dotted domain. */
export function normalizeEmail(raw: string): string {
  const text = raw.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) throw new ValueError(`not an e-mail address: "${raw}"`);
  return text;
}

/** North American numbers to their 10 digits: "(303) 555-0142", "+1 303 555 0142" → "3035550142". */
export function normalizePhone(raw: string): string {
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) throw new ValueError(`not a 10-digit phone number: "${raw}"`);
  return digits;
}

/** Maps a raw status onto a fixed vocabulary: case, spacing and a few synonyms. */
export function parseStatus(raw: string, allowed: readonly string[], synonyms: Record<string, string> = {}): string {
  const key = raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const value = synonyms[key] ?? key;
  if (!allowed.includes(value)) throw new ValueError(`unknown status "${raw}" (expected one of ${allowed.join(', ')})`);
  return value;
}

/** Splits "Last, First" or "First Last" into parts; keeps the whole as the display name. */
export function splitPersonName(raw: string): { full: string; first: string | null; last: string | null } {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',', 2).map((s) => s.trim());
    return { full: `${first} ${last}`.trim(), first: first || null, last: last || null };
  }
  const parts = text.split(' ');
  if (parts.length === 1) return { full: text, first: text, last: null };
  return { full: text, first: parts[0] ?? null, last: parts.slice(1).join(' ') };
}
