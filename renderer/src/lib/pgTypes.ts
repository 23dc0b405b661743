/** What the renderer needs to know about PostgreSQL type names (`ResultField.type`). */

const numericTypes = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8']);
const temporalTypes = new Set(['date', 'timestamp', 'timestamptz']);
const textTypes = new Set(['text', 'varchar', 'bpchar', 'char', 'name', 'citext']);

/** Types whose values are numbers, or exact numbers as strings when they exceed a double (int8, numeric). */
export function isNumericType(type: string): boolean {
  return numericTypes.has(type);
}

/** Types whose values are 'YYYY-MM-DD' or ISO timestamp strings. */
export function isTemporalType(type: string): boolean {
  return temporalTypes.has(type);
}

/** Types that read as labels. */
export function isTextType(type: string): boolean {
  return textTypes.has(type);
}

/** A cell as a number for charts and sorting: numbers as they are, numeric strings parsed, else null. */
export function cellToNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A cell as grid text: null is shown by the grid's own style, objects and arrays as JSON. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Elapsed time the way a data tool shows it: 35 ms, 1.24 s, 2 min 5 s. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const countFormat = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** 1 → "1 row", 1234 → "1,234 rows". */
export function formatRowCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
}
