import ExcelJS from 'exceljs';
import { ImportFileError } from './errors.ts';

/** A row of a worksheet as text cells, with where it came from. */
export interface SheetRow {
  sheet: string;
  /** 1-based row number inside its sheet, as Excel shows it. */
  row: number;
  cells: string[];
  /** Per column, why a cell could not be read as text (formula without a value, error value). */
  problems: (string | undefined)[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date cell as Excel meant it: a calendar date when there is no time of day. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() > 0;
  return hasTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

type Cell = ExcelJS.CellValue | undefined;

/** Text of one cell, or a problem. Formulas give their cached result; rich text its plain text. */
export function cellText(value: Cell): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: dateText(value) };
  if (typeof value === 'number') return { text: Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15))) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (typeof value === 'object') {
    if ('error' in value) return { text: '', problem: `cell holds the error ${String(value.error)}` };
    if ('richText' in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => r.text).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: Cell }).result;
      if (result === undefined || result === null) return { text: '', problem: 'formula cell without a computed value (open and save the file in Excel, or export values)' };
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return { text: '', problem: `formula evaluates to the error ${String(result.error)}` };
      return cellText(result);
    }
    if ('text' in value) return { text: String((value as { text: unknown }).text) };
  }
  return { text: String(value) };
}

/**
 * Streams every row of every worksheet as text, without loading the workbook in memory. exceljs 4
 * parses with its own streaming reader (no known advisories, unlike the `xlsx` package's parser).
 */
export async function* readXlsxRows(path: string, label: string): AsyncGenerator<SheetRow> {
  // exceljs 4.4's streaming reader can reach a worksheet before it has parsed xl/workbook.xml, which
  // a writer may store last, and then fails with "Cannot read properties of undefined (reading
  // 'sheets')" (exceljs issue #3064: a race, seen once in CI on a valid fixture). Before any row has
  // been handed out, reading the file again is safe; after, the error stands.
  for (let attempt = 1; ; attempt += 1) {
    let yielded = false;
    try {
      for await (const row of readXlsxRowsOnce(path, label)) {
        yielded = true;
        yield row;
      }
      return;
    } catch (error) {
      const race = error instanceof ImportFileError && error.message.includes("reading 'sheets'");
      if (!race || yielded || attempt >= 3) throw error;
    }
  }
}

async function* readXlsxRowsOnce(path: string, label: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const sheet = (worksheet as unknown as { name?: string }).name ?? 'Sheet';
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as Cell[]).slice(1);
        const cells: string[] = [];
        const problems: (string | undefined)[] = [];
        values.forEach((v, i) => {
          const { text, problem } = cellText(v);
          cells[i] = text;
          problems[i] = problem;
        });
        for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
        yield { sheet, row: row.number, cells, problems };
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(label, `not a readable .xlsx workbook (${message.slice(0, 200)}); the file may be truncated or not an Excel file`);
  }
}
