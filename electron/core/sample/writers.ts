// Streaming CSV and XLSX writers with backpressure, so that a million-job sample runs in bounded memory.
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';

/** What the generator needs from any output file. */
export interface RowSink {
  /** Data rows written so far (the header row excluded). */
  readonly rows: number;
  /** True when the caller should `await drain()` before producing more rows. */
  readonly needsDrain: boolean;
  drain(): Promise<void>;
  close(): Promise<void>;
}

const CSV_CHUNK = 1 << 16;
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 quoting; fields with leading or trailing spaces are quoted too, so readers keep the spaces. */
export function csvField(value: string): string {
  if (value === '') return value;
  if (NEEDS_QUOTES.test(value) || value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/**
 * A CSV file written in 256 KiB chunks, CRLF line ends, UTF-8 without BOM.
 *
 * @example
 * const sink = new CsvSink('/tmp/x.csv', ['Quote #', 'Email']);
 * sink.write(['1234', 'a@b.c']);
 * if (sink.needsDrain) await sink.drain();
 * await sink.close();
 */
export class CsvSink implements RowSink {
  rows = 0;
  private parts: string[] = [];
  private pending = 0;
  private blocked = false;
  private failure: Error | undefined;
  private readonly stream: WriteStream;

  constructor(path: string, headers: readonly string[]) {
    this.stream = createWriteStream(path, { highWaterMark: 1 << 20 });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    this.parts.push(headers.map(csvField).join(','), '\r\n');
  }

  /** Writes one row; fields are quoted where they need it. */
  write(fields: readonly string[]): void {
    const parts = this.parts;
    for (let i = 0; i < fields.length; i++) {
      const field = csvField(fields[i] as string);
      parts.push(i === 0 ? field : ',' + field);
      this.pending += field.length + 1;
    }
    this.endRow();
  }

  /** Writes one row the caller has already joined, for fields that never need quoting (numbers, fixed words). */
  writeLine(line: string): void {
    this.parts.push(line);
    this.pending += line.length;
    this.endRow();
  }

  get needsDrain(): boolean {
    return this.blocked;
  }

  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.blocked) await once(this.stream, 'drain');
    this.blocked = false;
  }

  async close(): Promise<void> {
    this.flush();
    if (this.failure) throw this.failure;
    this.stream.end();
    await finished(this.stream);
  }

  private endRow(): void {
    this.parts.push('\r\n');
    this.rows++;
    if (this.pending >= CSV_CHUNK) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    if (!this.stream.write(this.parts.join(''))) this.blocked = true;
    this.parts = [];
    this.pending = 0;
  }
}

/** A value in an xlsx row: text, number, a date (UTC midnight), or an empty cell. */
export type XlsxCell = string | number | Date | null;

/** Excel's limit is 1,048,576 rows per sheet, one of them the header. */
export const XLSX_MAX_DATA_ROWS_PER_SHEET = 1_048_575;
/** Zip entries carry this time instead of "now", so the same seed gives the same bytes. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(2025, 10, 14, 6, 0, 0));
const HIGH_WATER = 4 << 20;
const LOW_WATER = 1 << 20;
const PROBE_EVERY = 256;

interface ZipInternals {
  append(source: unknown, data: { name: string; date?: Date }): unknown;
}

interface SheetStreamInternals {
  pipes?: { _writableState?: { length?: number } }[];
  buffers?: unknown[];
}

/**
 * exceljs stamps every zip entry with the current time; its constructor appends the first entries through
 * `addThemes()`, so overriding that method is the earliest point to pin the dates. The determinism test
 * fails if a new exceljs version stops calling it.
 */
class DeterministicWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip?: ZipInternals }).zip;
    if (!zip) throw new Error('exceljs WorkbookWriter has no zip: cannot pin entry dates');
    const append = zip.append.bind(zip);
    zip.append = (source, data) => append(source, { ...data, date: ZIP_ENTRY_DATE });
    return super.addThemes();
  }
}

/**
 * An xlsx file through exceljs's streaming writer. Rows past Excel's per-sheet limit continue on a sheet
 * named "<sheet> (2)", "<sheet> (3)", each with the header row again.
 *
 * exceljs pushes sheet XML into the zip compressor without backpressure; `needsDrain` reads how much is
 * queued there (an exceljs internal, checked by a test) so memory stays bounded.
 */
export class XlsxSink implements RowSink {
  rows = 0;
  private sheetRows = 0;
  private sheets = 1;
  private blocked = false;
  private readonly workbook: DeterministicWorkbookWriter;
  private sheet: ExcelJS.Worksheet;

  constructor(
    path: string,
    private readonly sheetName: string,
    private readonly headers: readonly string[],
    private readonly rowsPerSheet = XLSX_MAX_DATA_ROWS_PER_SHEET,
  ) {
    this.workbook = new DeterministicWorkbookWriter({
      filename: path,
      useStyles: false,
      useSharedStrings: false,
      zip: { zlib: { level: 1 } },
    });
    this.workbook.created = ZIP_ENTRY_DATE;
    this.workbook.modified = ZIP_ENTRY_DATE;
    this.workbook.creator = 'CRM Export';
    this.workbook.lastModifiedBy = 'CRM Export';
    this.sheet = this.openSheet(sheetName);
  }

  write(values: readonly XlsxCell[]): void {
    if (this.sheetRows === this.rowsPerSheet) {
      this.sheet.commit();
      this.sheets++;
      this.sheet = this.openSheet(`${this.sheetName} (${this.sheets})`);
      this.sheetRows = 0;
    }
    this.sheet.addRow(values as XlsxCell[]).commit();
    this.rows++;
    this.sheetRows++;
    if (this.rows % PROBE_EVERY === 0 && this.pendingBytes() > HIGH_WATER) this.blocked = true;
  }

  get needsDrain(): boolean {
    return this.blocked;
  }

  async drain(): Promise<void> {
    while (this.pendingBytes() > LOW_WATER) await sleep(1);
    this.blocked = false;
  }

  /** Bytes of sheet XML waiting for the compressor. */
  pendingBytes(): number {
    const stream = (this.sheet as unknown as { stream?: SheetStreamInternals }).stream;
    const compressor = stream?.pipes?.[0];
    if (compressor) return compressor._writableState?.length ?? 0;
    return (stream?.buffers?.length ?? 0) * 65_536;
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }

  private openSheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(name);
    sheet.addRow([...this.headers]).commit();
    return sheet;
  }
}
