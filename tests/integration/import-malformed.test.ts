import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../electron/core/import/csv-reader.ts';
import { importFiles } from '../../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import { changedTables, tableChecksums } from '../support/table-checksums.ts';
import type { Database } from '../../electron/core/db/index.ts';
import type { FileImport, SourceKind } from '../../electron/core/import/index.ts';

// The malformed-input corpus (tests/fixtures/import/README.md): one test per file. Every bad input
// either fails whole, with a message naming the problem and leaving every table as it was, or loads
// with each bad row in the rejects file and import_reject (file, row, column, reason).

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

/** A rejected row as the rejects file and import_reject must hold it; `row` is the data row (1 = first under the header). */
interface ExpectedReject {
  row: number;
  column: string | null;
  reason: RegExp;
}

/** A file refused whole: the message must match `refused`, and no table may change. */
interface Refused {
  file: string;
  what: string;
  refused: RegExp;
}

/** A file that loads: every row imported or rejected, rows = imported + rejected. */
interface Loaded {
  file: string;
  what: string;
  kind: SourceKind;
  rows: number;
  rejects: ExpectedReject[];
  /** The key column of each imported row, in file order, as the model table holds it. */
  kept: string[];
  /** Model columns read back for the batch, in file order. */
  values?: { columns: string; rows: unknown[][] };
}

type Case = Refused | Loaded;

/** The column that identifies a row of each model table the corpus loads into. */
const keyColumn: Partial<Record<SourceKind, string>> = { job: 'job_number', user_performance: 'raw_user_name', lead_status: 'raw_quote_number' };

const refused: Refused[] = [
  {
    file: 'unknown-kind.csv',
    what: 'unknown file kind: names the columns found and the kinds known',
    refused: /unknown file kind: no known export has these columns \(found: "Invoice ID", "Amount", "Paid On"; known kinds: .*job \(recognised by "Job #"\)/,
  },
  {
    file: 'missing-required-columns.csv',
    what: 'missing required columns: lists the missing, the required and the found columns',
    refused: /looks like a job export but misses required columns "Job Date", "Job Status" \(required: "Job #", "Job Date", "Job Status"; found: "Job #", "Customer Name", "Revenue"\)/,
  },
  {
    file: 'title-above-incomplete-header.csv',
    what: 'missing required columns under a title line: the message is about the header row, not the title',
    refused: /looks like a job export but misses required columns "Job Date", "Job Status" .*found: "Job #", "Customer Name", "Revenue"/,
  },
  { file: 'empty.csv', what: 'empty file (0 bytes)', refused: /the file is empty/ },
  {
    file: 'truncated-unclosed-quote.csv',
    what: 'truncated CSV ending inside a quoted field: names the record',
    refused: /record 4: a quoted field is never closed \(the file may be truncated\)/,
  },
  {
    file: 'utf16le-unicode-text.txt',
    what: 'Excel "Unicode Text" (UTF-16 LE): says the encoding is the problem',
    refused: /UTF-16/,
  },
  { file: 'old-binary.xls', what: 'old binary .xls', refused: /the old binary \.xls format is not supported: save the file as \.xlsx or \.csv/ },
  {
    file: 'truncated.xlsx',
    what: 'a valid .xlsx cut in half',
    refused: /not a readable \.xlsx workbook \(.+\); the file may be truncated or not an Excel file/,
  },
  {
    file: 'corrupt-random-bytes.xlsx',
    what: 'random bytes named .xlsx',
    refused: /not a readable \.xlsx workbook: the file is not a zip archive \(renamed, truncated or corrupt\?\)/,
  },
  {
    file: 'corrupt-zip-body.xlsx',
    what: 'a zip signature followed by garbage',
    refused: /not a readable \.xlsx workbook \(.+\); the file may be truncated or not an Excel file/,
  },
  {
    file: 'text-renamed.xlsx',
    what: 'a CSV text file renamed .xlsx',
    refused: /not a readable \.xlsx workbook: the file is not a zip archive \(renamed, truncated or corrupt\?\)/,
  },
  { file: 'empty-workbook.xlsx', what: 'a workbook whose only sheet is empty', refused: /the workbook has no rows \(it is empty\)/ },
  {
    file: 'two-export-kinds.xlsx',
    what: 'a workbook with two different exports',
    refused: /the workbook holds several exports \("Jobs": job, "Users": user_performance\); import one export per file/,
  },
];

const loaded: Loaded[] = [
  {
    file: 'utf8-bom.csv',
    what: 'UTF-8 with a byte-order mark imports, the first header intact',
    kind: 'job',
    rows: 2,
    rejects: [],
    kept: ['BOM-1', 'BOM-2'],
    values: { columns: 'job_number, raw_customer_name', rows: [['BOM-1', 'José García'], ['BOM-2', 'Zoë Adams']] },
  },
  {
    file: 'windows-1252.csv',
    what: 'Windows-1252 text imports and reads back correctly',
    kind: 'job',
    rows: 2,
    rejects: [],
    kept: ['CP-1', 'CP-2'],
    values: { columns: 'job_number, raw_customer_name', rows: [['CP-1', 'Carlos Núñez'], ['CP-2', 'Seán O\u2019Brien']] },
  },
  {
    file: 'semicolon-delimited.csv',
    what: 'semicolon-delimited CSV imports',
    kind: 'job',
    rows: 2,
    rejects: [],
    kept: ['SC-1', 'SC-2'],
    values: { columns: 'job_number, raw_customer_name, revenue', rows: [['SC-1', 'Lee, Ann', 1200.5], ['SC-2', 'Bo Chen', 800]] },
  },
  {
    file: 'semicolon-decimal-comma.csv',
    what: 'decimal commas are never read as thousands separators (1234,50 is not 123450)',
    kind: 'job',
    rows: 2,
    rejects: [
      { row: 1, column: 'Revenue', reason: /"1234,50"/ },
      { row: 2, column: 'Revenue', reason: /"1\.234,50"/ },
    ],
    kept: [],
  },
  {
    file: 'semicolon-title-above-header.csv',
    what: 'a semicolon-delimited CSV with a title line above the header imports',
    kind: 'job',
    rows: 2,
    rejects: [],
    kept: ['ST-1', 'ST-2'],
  },
  {
    file: 'tab-delimited.tsv',
    what: 'tab-delimited text imports',
    kind: 'job',
    rows: 2,
    rejects: [],
    kept: ['TAB-1', 'TAB-2'],
    values: { columns: 'job_number, raw_customer_name', rows: [['TAB-1', 'Ann Lee'], ['TAB-2', 'Bo, Chen']] },
  },
  { file: 'header-only.csv', what: 'a header and no rows imports 0 rows', kind: 'job', rows: 0, rejects: [], kept: [] },
  {
    file: 'title-above-header.csv',
    what: 'a title and a blank line above the header (CSV)',
    kind: 'job',
    rows: 3,
    rejects: [{ row: 2, column: 'Revenue', reason: /^not a number: "not a number"$/ }],
    kept: ['TT-1', 'TT-3'],
  },
  {
    file: 'title-above-header.xlsx',
    what: 'a title and a blank row above the header (xlsx)',
    kind: 'job',
    rows: 3,
    rejects: [{ row: 2, column: 'Crew Size', reason: /^not a whole number: "three"$/ }],
    kept: ['TX-1', 'TX-3'],
  },
  {
    file: 'notes-and-data-sheets.xlsx',
    what: 'a notes sheet beside the data sheet: the data sheet imports',
    kind: 'job',
    rows: 2,
    rejects: [],
    kept: ['NS-1', 'NS-2'],
    values: { columns: 'job_number, job_date::text, revenue', rows: [['NS-1', '2024-03-01', 1200], ['NS-2', '2024-03-02', 800.5]] },
  },
  {
    file: 'formula-cached.xlsx',
    what: 'formula cells with cached results import their values',
    kind: 'job',
    rows: 2,
    rejects: [],
    kept: ['FX-1', 'FX-2'],
    values: { columns: 'job_number, crew_size, revenue', rows: [['FX-1', 3, 1200], ['FX-2', 2, 800]] },
  },
  {
    file: 'formula-uncached.xlsx',
    what: 'a formula cell without a cached result rejects its row, naming the column',
    kind: 'job',
    rows: 3,
    rejects: [{ row: 2, column: 'Revenue', reason: /^formula cell without a computed value/ }],
    kept: ['FU-1', 'FU-3'],
  },
  {
    file: 'error-cell.xlsx',
    what: 'an error cell (#DIV/0!) rejects its row, naming the column',
    kind: 'job',
    rows: 2,
    rejects: [{ row: 2, column: 'Revenue', reason: /^cell holds the error #DIV\/0!$/ }],
    kept: ['EC-1'],
  },
  {
    file: 'wrong-types.csv',
    what: 'text in number columns',
    kind: 'job',
    rows: 4,
    rejects: [
      { row: 2, column: 'Crew Size', reason: /^not a whole number: "three"$/ },
      { row: 3, column: 'Revenue', reason: /^not a number: "twelve hundred"$/ },
    ],
    kept: ['WT-1', 'WT-4'],
  },
  {
    file: 'all-rows-wrong-types.csv',
    what: 'every row of the file has a wrong type: all rejected, nothing imported',
    kind: 'user_performance',
    rows: 3,
    rejects: [
      { row: 1, column: 'Calls In', reason: /^not a whole number: "many"$/ },
      { row: 2, column: 'Calls Out', reason: /^not a whole number: "n\/a"$/ },
      { row: 3, column: 'Missed Calls', reason: /^must be at least 0: "-3"$/ },
    ],
    kept: [],
  },
  {
    file: 'impossible-dates.csv',
    what: 'impossible dates: 2023-02-30, and 13/01/2023 explained as M/D/YYYY',
    kind: 'job',
    rows: 4,
    rejects: [
      { row: 2, column: 'Job Date', reason: /^impossible date "2023-02-30"/ },
      { row: 3, column: 'Job Date', reason: /"13\/01\/2023".*(M\/D\/YYYY|month)/i },
    ],
    kept: ['ID-1', 'ID-4'],
    values: { columns: 'job_number, job_date::text', rows: [['ID-1', '2023-02-28'], ['ID-4', '2023-01-13']] },
  },
  {
    file: 'impossible-times.csv',
    what: 'impossible time of day and 29 February of a common year',
    kind: 'lead_status',
    rows: 3,
    rejects: [
      { row: 1, column: 'Date Received', reason: /^impossible time in "2024-06-01 25:10"$/ },
      { row: 2, column: 'Date Received', reason: /^impossible date "2\/29\/2023"$/ },
    ],
    kept: ['Q-000503'],
    values: { columns: 'raw_quote_number, quote_number, status', rows: [['Q-000503', '503', 'QUOTED']] },
  },
  {
    file: 'field-count-mismatch.csv',
    what: 'rows with too few and too many fields',
    kind: 'job',
    rows: 4,
    rejects: [
      { row: 2, column: null, reason: /^expected 6 fields, found 5 \(a truncated row\?\)$/ },
      { row: 3, column: null, reason: /^expected 6 fields, found 7$/ },
    ],
    kept: ['FC-1', 'FC-4'],
  },
  {
    file: 'very-long-field.csv',
    what: 'a field over 10,000 characters rejects its row, naming the column',
    kind: 'job',
    rows: 2,
    rejects: [{ row: 2, column: 'Customer Name', reason: /^value is 12000 characters long; the limit is 10000$/ }],
    kept: ['LF-1'],
  },
  {
    file: 'duplicate-keys.csv',
    what: 'the same job number twice: the earlier row is rejected as a duplicate',
    kind: 'job',
    rows: 3,
    rejects: [{ row: 1, column: null, reason: /^duplicate of row 3 \(same job number\); the later row was kept$/ }],
    kept: ['DK-2', 'DK-1'],
    values: { columns: 'job_number, revenue, status', rows: [['DK-2', 900, 'CLOSED'], ['DK-1', 1100, 'CLOSED']] },
  },
  {
    file: 'required-value-blank.csv',
    what: 'blank required values',
    kind: 'job',
    rows: 4,
    rejects: [
      { row: 2, column: 'Job Date', reason: /^required value is blank$/ },
      { row: 3, column: 'Job #', reason: /^required value is blank$/ },
    ],
    kept: ['RB-1', 'RB-4'],
  },
  {
    file: 'invalid-status.csv',
    what: 'an unknown status word; a known synonym is mapped',
    kind: 'job',
    rows: 3,
    rejects: [{ row: 2, column: 'Job Status', reason: /^unknown status "DONE" \(expected one of PENDING, BOOKED, CLOSED, CANCELLED, POSTPONED\)$/ }],
    kept: ['IS-1', 'IS-3'],
    values: { columns: 'job_number, status, raw_status', rows: [['IS-1', 'CLOSED', 'CLOSED'], ['IS-3', 'CANCELLED', 'canceled']] },
  },
  {
    file: 'blank-line-between-rows.csv',
    what: 'a blank line between rows: row numbers still point at the row in the file',
    kind: 'job',
    rows: 2,
    rejects: [{ row: 3, column: 'Crew Size', reason: /^not a whole number: "lots"$/ }],
    kept: ['BL-1'],
  },
  {
    file: 'period-end-before-start.csv',
    what: 'a period ending before it starts rejects that row, not the file',
    kind: 'user_performance',
    rows: 2,
    rejects: [{ row: 2, column: 'Period End', reason: /Period Start/ }],
    kept: ['Pat Reyes'],
  },
  {
    file: 'nul-byte.csv',
    what: 'a NUL byte inside a field rejects that row, naming the column, not the file',
    kind: 'job',
    rows: 2,
    rejects: [{ row: 1, column: 'Customer Name', reason: /./ }],
    kept: ['NB-2'],
  },
];

const cases: Case[] = [...refused, ...loaded];

interface RejectLine {
  file: string;
  row: number;
  column: string | null;
  reason: string;
}

/** Reads a rejects CSV with the importer's own tokenizer: header `file,row,column,reason,raw`. */
function readRejectsFile(path: string): RejectLine[] {
  const tokenizer = new CsvTokenizer(',', path);
  const records = [...tokenizer.push(readFileSync(path, 'utf8')), ...tokenizer.end()].map((r) => r.cells);
  expect(records[0]).toEqual(['file', 'row', 'column', 'reason', 'raw']);
  return records.slice(1).map(([file = '', row = '', column = '', reason = '']) => ({ file, row: Number(row), column: column === '' ? null : column, reason }));
}

describe('the malformed-import corpus', () => {
  it('has exactly one case per fixture file, and the README lists every file', () => {
    const files = readdirSync(fixtures)
      .filter((f) => f !== 'README.md')
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(cases.map((c) => c.file).sort()).toEqual(files);
    const readme = readFileSync(join(fixtures, 'README.md'), 'utf8');
    expect(files.filter((f) => !readme.includes(`| \`${f}\` |`))).toEqual([]);
  });
});

describe.each(engines)('import of malformed files on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  const rejectsDir = mkdtempSync(join(tmpdir(), 'wb-import-malformed-'));
  const listRejects = () => (existsSync(rejectsDir) ? readdirSync(rejectsDir).sort() : []);

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await migrate(db, projectMigrations());
  });
  afterAll(async () => {
    await dispose();
    rmSync(rejectsDir, { recursive: true, force: true });
  });

  async function importOne(file: string): Promise<FileImport> {
    const results = await importFiles(db, [join(fixtures, file)], { rejectsDir });
    expect(results).toHaveLength(1);
    return results[0] as FileImport;
  }

  it.each(refused)('$file: refused whole ($what), every table unchanged', async (c) => {
    const before = await tableChecksums(db);
    const rejectsBefore = listRejects();
    const result = await importOne(c.file);
    expect(changedTables(before, await tableChecksums(db))).toEqual([]);
    expect(listRejects()).toEqual(rejectsBefore);
    expect(result).toMatchObject({ file: c.file, kind: null, rows: 0, imported: 0, rejected: 0, rejects: null });
    expect(result.error).toMatch(c.refused);
  });

  it.each(loaded)('$file: loads ($what), rows = imported + rejected', async (c) => {
    const table = c.kind;
    const key = keyColumn[c.kind];
    if (!key) throw new Error(`no key column for ${c.kind}`);
    const before = await tableChecksums(db);
    const result = await importOne(c.file);

    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ file: c.file, kind: c.kind, rows: c.rows, imported: c.kept.length, rejected: c.rejects.length });
    expect(result.rows).toBe(result.imported + result.rejected);

    // The rejects file: one line per rejected row with file, row, column and reason.
    const expectedLines = c.rejects.map((r) => ({ file: c.file, row: r.row, column: r.column, reason: expect.stringMatching(r.reason) }));
    if (c.rejects.length === 0) {
      expect(result.rejects).toBeNull();
    } else {
      expect(result.rejects).not.toBeNull();
      expect(existsSync(result.rejects ?? '')).toBe(true);
      expect(readRejectsFile(result.rejects ?? '')).toEqual(expectedLines);
    }

    // import_reject holds the same rows for this batch, and the batch reconciles.
    const stored = await db.read(`select row_number, column_name, reason from import_reject where import_batch_id = $1 order by row_number, import_reject_id`, [result.batchId]);
    expect(stored.rows.map(([row, column, reason]) => ({ file: c.file, row, column, reason }))).toEqual(expectedLines);
    const batch = await db.read(`select source_kind, status, row_count, imported_count, rejected_count from import_batch where import_batch_id = $1`, [result.batchId]);
    expect(batch.rows).toEqual([[c.kind, 'completed', c.rows, c.kept.length, c.rejects.length]]);

    // The good rows, and only they, are in the model table.
    const kept = await db.read(`select ${key} from ${table} where import_batch_id = $1 order by source_row`, [result.batchId]);
    expect(kept.rows.map(([k]) => k)).toEqual(c.kept);
    if (c.values) {
      const values = await db.read(`select ${c.values.columns} from ${table} where import_batch_id = $1 order by source_row`, [result.batchId]);
      expect(values.rows).toEqual(c.values.rows);
    }

    // Nothing but the batch, its rejects and the model table changed.
    const allowed = ['import_batch', 'import_reject', table];
    const changed = changedTables(before, await tableChecksums(db));
    expect(changed.filter((t) => !allowed.includes(t))).toEqual([]);
    expect(changed).toContain('import_batch');
  });

  it('names the file once at the start of every whole-file error', async () => {
    const messages: { file: string; error: string }[] = [];
    for (const c of refused) {
      const result = await importOne(c.file);
      if (result.error !== undefined) messages.push({ file: c.file, error: result.error });
    }
    expect(messages.length).toBeGreaterThan(0);
    const badlyPrefixed = messages
      .filter(({ file, error }) => !error.startsWith(`${file}: `) || error.startsWith(`${file}: ${file}: `))
      .map(({ error }) => error.slice(0, 120));
    expect(badlyPrefixed).toEqual([]);
  });
});
