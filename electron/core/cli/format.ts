import type { CellValue, ResultField } from '../../../shared/db.ts';

const maxCellWidth = 60;

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function clip(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > maxCellWidth ? `${oneLine.slice(0, maxCellWidth - 1)}…` : oneLine;
}

const numericTypes = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);

/** A plain-text table, like psql's aligned output; NULL prints empty. */
export function formatTable(fields: ResultField[], rows: CellValue[][]): string {
  const cells = rows.map((row) => row.map((v) => clip(cellText(v))));
  const widths = fields.map((f, i) => Math.max(f.name.length, ...cells.map((r) => (r[i] ?? '').length)));
  const right = fields.map((f) => numericTypes.has(f.type));
  const line = (values: string[]) =>
    values.map((v, i) => (right[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join(' | ').trimEnd();
  const out = [line(fields.map((f) => f.name)), widths.map((w) => '-'.repeat(w)).join('-+-')];
  for (const row of cells) out.push(line(row));
  return `${out.join('\n')}\n`;
}

/** RFC 4180 CSV field. */
export function csvField(value: CellValue): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CellValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

export type ResultFormat = 'table' | 'csv' | 'json';

/**
 * Writes a streamed result page by page in one of the CLI's formats: an aligned table (widths per
 * page), CSV with a header row, or JSON `{…prefix, "fields", "rows", "rowCount", "elapsedMs"}`.
 */
export async function writeResult(
  pages: AsyncIterable<{ fields: ResultField[]; rows: CellValue[][] }>,
  format: ResultFormat,
  write: (text: string) => void,
  jsonPrefix: Record<string, unknown> = {},
): Promise<{ rowCount: number; elapsedMs: number }> {
  const started = performance.now();
  let count = 0;
  let first = true;
  for await (const page of pages) {
    if (first) {
      if (format === 'json') write(`${JSON.stringify({ ...jsonPrefix, fields: page.fields }).slice(0, -1)},"rows":[`);
      else if (format === 'csv') write(csvLine(page.fields.map((f) => f.name)));
    }
    if (format === 'json') {
      page.rows.forEach((row, i) => write(`${count + i === 0 ? '' : ','}\n${JSON.stringify(row)}`));
    } else if (format === 'csv') {
      for (const row of page.rows) write(csvLine(row));
    } else {
      const table = formatTable(page.fields, page.rows);
      write(first ? table : table.split('\n').slice(2).join('\n'));
    }
    count += page.rows.length;
    first = false;
  }
  const elapsedMs = Math.round(performance.now() - started);
  if (format === 'json') write(`${first ? `${JSON.stringify({ ...jsonPrefix, fields: [] }).slice(0, -1)},"rows":[` : ''}\n],"rowCount":${count},"elapsedMs":${elapsedMs}}\n`);
  else if (format === 'table') write(`(${count} row${count === 1 ? '' : 's'}, ${elapsedMs} ms)\n`);
  return { rowCount: count, elapsedMs };
}
