// Readers the sample tests use to look at written files the way an importer would: independently of the
// generator's own code paths.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SOURCE_FILES } from './headers.ts';
import type { SourceKind } from './mess.ts';

/** A parsed table: header names and rows of cell values (CSV cells are strings). */
export interface Table<T = string> {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly T[])[];
  /** The cell of `row` under `header`; throws on an unknown header. */
  col(header: string): number;
}

function table<T>(headers: readonly string[], rows: readonly (readonly T[])[]): Table<T> {
  return {
    headers,
    rows,
    col(header: string): number {
      const i = headers.indexOf(header);
      if (i < 0) throw new Error(`no column "${header}" in ${headers.join(', ')}`);
      return i;
    },
  };
}

/** RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export async function readCsv(path: string): Promise<Table> {
  const [headers, ...rows] = parseCsv(await readFile(path, 'utf8'));
  return table(headers ?? [], rows);
}

export type XlsxValue = string | number | Date | null;

/** All sheets of an xlsx, in order, as one table; the header row of continuation sheets is skipped. */
export async function readXlsx(path: string): Promise<Table<XlsxValue> & { sheets: readonly string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  let headers: string[] = [];
  const rows: XlsxValue[][] = [];
  workbook.worksheets.forEach((sheet, s) => {
    sheet.eachRow((row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as XlsxValue)));
      if (n === 1) {
        if (s === 0) headers = values.map(String);
        return;
      }
      while (values.length < headers.length) values.push(null);
      rows.push(values);
    });
  });
  return { ...table(headers, rows), sheets: workbook.worksheets.map((w) => w.name) };
}

/** Every export of a sample as tables of strings (xlsx numbers and dates rendered as text). */
export async function readExports(dir: string): Promise<Record<SourceKind, Table<XlsxValue>>> {
  const out: Partial<Record<SourceKind, Table<XlsxValue>>> = {};
  for (const spec of Object.values(SOURCE_FILES)) {
    const path = join(dir, spec.file);
    out[spec.kind] = spec.format === 'csv' ? await readCsv(path) : await readXlsx(path);
  }
  return out as Record<SourceKind, Table<XlsxValue>>;
}

/** "Q-001234", " 1234 ", "1234" and the number 1234 all become "1234". */
export function normalQuote(value: XlsxValue): string {
  if (value === null || value === '') return '';
  return String(value).trim().replace(/^Q-0*/, '');
}

export function text(value: XlsxValue): string {
  return value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** A date cell in either text style (or a typed date) as "YYYY-MM-DD". */
export function isoDate(value: XlsxValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const s = text(value);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return us ? `${us[3]}-${us[1]?.padStart(2, '0')}-${us[2]?.padStart(2, '0')}` : s;
}

/** The ground truth of a sample, read back from outDir/truth. */
export interface Truth {
  readonly personOf: ReadonlyMap<string, string>;
  readonly personName: ReadonlyMap<string, string>;
  readonly branchOf: ReadonlyMap<string, string>;
  readonly branchName: ReadonlyMap<string, string>;
  readonly sourceOf: ReadonlyMap<string, string>;
  readonly sourceName: ReadonlyMap<string, string>;
  readonly quoteLinks: Table;
  readonly badLeadLinks: Table;
  /** "kind:row" → customer id. */
  readonly customerOf: ReadonlyMap<string, string>;
  readonly performanceNames: Table;
  readonly salesPeople: Table;
}

export async function readTruth(dir: string): Promise<Truth> {
  const t = (file: string) => readCsv(join(dir, 'truth', file));
  const pairs = (table: Table, key: number, value: number) => new Map(table.rows.map((r) => [r[key] ?? '', r[value] ?? '']));
  const salesPeople = await t('sales_people.csv');
  const branches = await t('branches.csv');
  const sources = await t('lead_sources.csv');
  const customers = await t('customers.csv');
  return {
    personOf: pairs(await t('sales_person_names.csv'), 0, 1),
    personName: pairs(salesPeople, 0, 1),
    branchOf: pairs(await t('branch_names.csv'), 0, 1),
    branchName: pairs(branches, 0, 1),
    sourceOf: pairs(await t('lead_source_names.csv'), 0, 1),
    sourceName: pairs(sources, 0, 1),
    quoteLinks: await t('quote_links.csv'),
    badLeadLinks: await t('bad_lead_links.csv'),
    customerOf: new Map(customers.rows.map((r) => [`${r[0]}:${r[1]}`, r[2] ?? ''])),
    performanceNames: await t('performance_names.csv'),
    salesPeople,
  };
}

/** Columns that hold a sales person's name, per export. */
export const PERSON_COLUMNS: Readonly<Record<SourceKind, string>> = {
  lead_status: 'Sales Person',
  bad_lead: '',
  lost_lead: 'Sales Person',
  booked_opportunity: 'Sales Person',
  job: 'Sales Person',
  user_performance: 'User',
  sales_performance: 'Sales Person',
};

/** Columns that hold a lead source, per export. */
export const SOURCE_COLUMNS: Readonly<Record<SourceKind, string>> = {
  lead_status: 'Referral Source',
  bad_lead: 'Referral Source',
  lost_lead: 'Lead Source',
  booked_opportunity: 'Lead Source',
  job: 'Referral Source',
  user_performance: '',
  sales_performance: '',
};
