import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readCsvRecords, sniffDelimiter } from './csv-reader.ts';
import { findHeaderRow } from './detect.ts';
import { ImportFileError } from './errors.ts';
import { readXlsxRows } from './xlsx-reader.ts';
import type { TextEncodingName } from './csv-reader.ts';
import type { Detected } from './detect.ts';

export interface FileFacts {
  path: string;
  label: string;
  bytes: number;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName;
}

export interface DataRow {
  /** 1 is the first row under the header (running across sheets of one workbook). */
  row: number;
  cells: string[];
  problems?: (string | undefined)[];
}

export interface OpenedSource {
  /** For a CSV whose header is its first line: what a COPY of the raw bytes needs. */
  csv?: { delimiter: ',' | ';' | '\t'; headerFirst: boolean };
  headers: string[];
  detected: Detected;
  rows: AsyncIterable<DataRow>;
  /** Sheets of a workbook that held no recognisable data and were passed over. */
  ignoredSheets: string[];
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * One pass over the bytes: the content hash (re-importing the same bytes is a no-op), whether the
 * text is valid UTF-8 (else it is read as Windows-1252, the usual encoding of Excel's CSV on Windows),
 * and whether it is a zip (an .xlsx) whatever its name says.
 */
export async function inspectFile(path: string): Promise<FileFacts> {
  const label = basename(path);
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    throw new ImportFileError(label, `cannot read ${path}`);
  }
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let head: Buffer | undefined;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    head ??= buf.subarray(0, 4);
    hash.update(buf);
    if (validUtf8) {
      try {
        utf8.decode(buf, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  }
  const isZip = head !== undefined && head.length === 4 && head.equals(zipMagic);
  if (head && head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new ImportFileError(label, 'the file is UTF-16 text (Excel\'s "Unicode Text"); save it as "CSV UTF-8" and import that');
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx' && !isZip) throw new ImportFileError(label, 'not a readable .xlsx workbook: the file is not a zip archive (renamed, truncated or corrupt?)');
  if (extension === '.xls') throw new ImportFileError(label, 'the old binary .xls format is not supported: save the file as .xlsx or .csv');
  return { path, label, bytes, sha256: hash.digest('hex'), format: isZip ? 'xlsx' : 'csv', encoding: validUtf8 ? 'utf-8' : 'windows-1252' };
}

async function openCsv(facts: FileFacts, onBytes?: (n: number) => void): Promise<OpenedSource> {
  const delimiter = await sniffDelimiter(facts.path, facts.encoding);
  const records = readCsvRecords(facts.path, facts.label, facts.encoding, delimiter, onBytes)[Symbol.asyncIterator]();
  const head: string[][] = [];
  while (head.length < 15) {
    const next = await records.next();
    if (next.done) break;
    head.push(next.value.cells);
  }
  const { index, detection } = findHeaderRow(head);
  if (!detection.ok) throw new ImportFileError(facts.label, detection.reason);
  const headers = (head[index] ?? []).map((h) => h.trim());
  async function* rows(): AsyncGenerator<DataRow> {
    let row = 0;
    // Blank lines are not rows, but they keep their place: row N is the Nth line under the header.
    const emit = (cells: string[]): DataRow | undefined => {
      row += 1;
      if (cells.every((c) => c.trim() === '')) return undefined;
      return { row, cells };
    };
    for (const cells of head.slice(index + 1)) {
      const r = emit(cells);
      if (r) yield r;
    }
    for (;;) {
      const next = await records.next();
      if (next.done) return;
      const r = emit(next.value.cells);
      if (r) yield r;
    }
  }
  return { csv: { delimiter, headerFirst: index === 0 }, headers, detected: detection.detected, rows: rows(), ignoredSheets: [] };
}

/**
 * A workbook: each sheet's header is found on its own; sheets of one kind are read one after the
 * other (an export split at Excel's row limit), sheets without a recognisable header are passed over,
 * and data sheets of different kinds are refused.
 */
async function openXlsx(facts: FileFacts): Promise<OpenedSource> {
  // The reader streams; sheets are visited in order. The first pass decides the kind per sheet by
  // buffering its first rows only, then the rows are streamed in a second pass.
  const kinds = new Map<string, { detected: Detected; headers: string[]; headerRow: number } | undefined>();
  const reasons = new Map<string, string>();
  const firstRows = new Map<string, string[][]>();
  const rowNumbers = new Map<string, number[]>();
  for await (const r of readXlsxRows(facts.path, facts.label)) {
    const buffered = firstRows.get(r.sheet) ?? [];
    if (buffered.length < 15) {
      buffered.push(r.cells);
      firstRows.set(r.sheet, buffered);
      rowNumbers.set(r.sheet, [...(rowNumbers.get(r.sheet) ?? []), r.row]);
    }
  }
  if (firstRows.size === 0) throw new ImportFileError(facts.label, 'the workbook has no rows (it is empty)');
  for (const [sheet, rows] of firstRows) {
    const { index, detection } = findHeaderRow(rows);
    if (detection.ok) {
      kinds.set(sheet, { detected: detection.detected, headers: (rows[index] ?? []).map((h) => h.trim()), headerRow: rowNumbers.get(sheet)?.[index] ?? 1 });
    } else {
      kinds.set(sheet, undefined);
      reasons.set(sheet, detection.reason);
    }
  }
  const data = [...kinds.entries()].filter((entry): entry is [string, { detected: Detected; headers: string[]; headerRow: number }] => entry[1] !== undefined);
  if (data.length === 0) {
    const [sheet, reason] = [...reasons.entries()][0] ?? ['?', 'no header row'];
    throw new ImportFileError(facts.label, `no sheet holds a known export (sheet "${sheet}": ${reason})`);
  }
  const kindsFound = new Set(data.map(([, d]) => d.detected.spec.kind));
  if (kindsFound.size > 1) {
    throw new ImportFileError(facts.label, `the workbook holds several exports (${data.map(([s, d]) => `"${s}": ${d.detected.spec.kind}`).join(', ')}); import one export per file`);
  }
  const [, main] = data[0] as [string, { detected: Detected; headers: string[]; headerRow: number }];
  const dataSheets = new Map(data.map(([sheet, d]) => [sheet, d]));
  async function* rows(): AsyncGenerator<DataRow> {
    // Row N is the Nth row under the header; a continuation sheet carries on the numbering.
    let offset = 0;
    let lastSheet = '';
    let last = 0;
    for await (const r of readXlsxRows(facts.path, facts.label)) {
      const sheet = dataSheets.get(r.sheet);
      if (!sheet || r.row <= sheet.headerRow) continue;
      if (r.sheet !== lastSheet) {
        offset = last;
        lastSheet = r.sheet;
      }
      const row = offset + r.row - sheet.headerRow;
      last = row;
      if (r.cells.every((c) => c.trim() === '')) continue;
      // Map this sheet's columns onto the first sheet's header order.
      const cells = main.headers.map((h) => r.cells[sheet.headers.indexOf(h)] ?? '');
      const problems = main.headers.map((h) => r.problems[sheet.headers.indexOf(h)]);
      yield { row, cells, problems };
    }
  }
  return { headers: main.headers, detected: main.detected, rows: rows(), ignoredSheets: [...kinds.entries()].filter(([, d]) => !d).map(([s]) => s) };
}

export function openSource(facts: FileFacts, onBytes?: (n: number) => void): Promise<OpenedSource> {
  if (facts.bytes === 0) throw new ImportFileError(facts.label, 'the file is empty');
  return facts.format === 'xlsx' ? openXlsx(facts) : openCsv(facts, onBytes);
}
