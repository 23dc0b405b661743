import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSample } from './generate.ts';
import type { SampleProgress, SampleSummary } from './generate.ts';
import { SOURCE_FILES, SOURCE_KINDS } from './headers.ts';
import type { SourceKind } from './mess.ts';
import { isoDate, readCsv, readExports, text } from './test-support.ts';
import type { Table, XlsxValue } from './test-support.ts';

const JOBS = 3_000;
let dir = '';
let summary: SampleSummary;
let files: Record<SourceKind, Table<XlsxValue>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-generate-'));
  summary = await generateSample({ outDir: join(dir, 'a'), jobs: JOBS, seed: 11 });
  files = await readExports(join(dir, 'a'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');
const column = (kind: SourceKind, header: string): XlsxValue[] => {
  const t = files[kind];
  const i = t.col(header);
  return t.rows.map((r) => r[i] ?? null);
};
const count = <T>(values: readonly T[], keep: (v: T) => boolean) => values.filter(keep).length;

describe('generateSample', () => {
  it('writes identical bytes for the same seed, whatever the clock, and different bytes for another seed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2033-03-03T03:03:03Z'));
    const again = await generateSample({ outDir: join(dir, 'b'), jobs: JOBS, seed: 11 });
    vi.useRealTimers();
    const other = await generateSample({ outDir: join(dir, 'c'), jobs: JOBS, seed: 12 });
    expect(again.files.map((f) => [f.file, f.rows])).toEqual(summary.files.map((f) => [f.file, f.rows]));
    for (const f of summary.files) {
      expect(await sha(join(dir, 'b', f.file)), f.file).toBe(await sha(join(dir, 'a', f.file)));
    }
    for (const kind of SOURCE_KINDS) {
      const file = SOURCE_FILES[kind].file;
      expect(await sha(join(dir, 'c', file)), file).not.toBe(await sha(join(dir, 'a', file)));
    }
    expect(other.files.find((f) => f.kind === 'job')?.rows).toBe(JOBS);
  });

  it('reports every written file with its kind and true row count', async () => {
    expect(summary.files.filter((f) => f.kind !== 'truth').map((f) => f.kind).sort()).toEqual([...SOURCE_KINDS].sort());
    for (const f of summary.files) {
      if (f.kind === 'truth') {
        if (f.file.endsWith('.csv')) expect((await readCsv(join(dir, 'a', f.file))).rows.length, f.file).toBe(f.rows);
      } else {
        expect(files[f.kind].rows.length, f.file).toBe(f.rows);
      }
    }
  });

  it('writes the documented headers, and each file has a header no other file has', () => {
    for (const kind of SOURCE_KINDS) {
      const spec = SOURCE_FILES[kind];
      expect(files[kind].headers).toEqual(spec.headers);
      const elsewhere = SOURCE_KINDS.filter((k) => k !== kind && SOURCE_FILES[k].headers.includes(spec.signature));
      expect(elsewhere, spec.signature).toEqual([]);
    }
  });

  it('keeps the funnel proportions', () => {
    const leads = files.lead_status.rows.length;
    const opportunities = files.booked_opportunity.rows.length;
    const jobs = files.job.rows.length;
    expect(jobs).toBe(JOBS);
    expect(leads / opportunities).toBeGreaterThan(3);
    expect(leads / opportunities).toBeLessThan(4);
    expect(opportunities).toBeGreaterThan(jobs * 1.0);
    expect(new Set(column('job', 'Quote #').map(text).map((q) => q.trim().replace(/^Q-0*/, ''))).size / opportunities).toBeGreaterThan(0.85);
    const badShare = files.bad_lead.rows.length / leads;
    expect(badShare).toBeGreaterThan(0.08);
    expect(badShare).toBeLessThan(0.11);
    const quotes = count(column('lead_status', 'Lead Status'), (s) => s === 'Quoted' || s === 'Lost' || s === 'Booked');
    expect(files.lost_lead.rows.length / quotes).toBeGreaterThan(0.35);
    expect(files.lost_lead.rows.length / quotes).toBeLessThan(0.6);
  });

  it('uses every status the schema knows, in the CRM spelling', () => {
    expect(new Set(column('lead_status', 'Lead Status'))).toEqual(new Set(['New', 'Contacted', 'Quoted', 'Booked', 'Lost', 'Bad Lead']));
    expect(new Set(column('booked_opportunity', 'Status'))).toEqual(new Set(['Booked', 'Confirmed', 'Completed', 'Cancelled', 'Lost']));
    expect(new Set(column('job', 'Job Status'))).toEqual(new Set(['Pending', 'Booked', 'Closed', 'Cancelled', 'Canceled', 'Postponed']));
  });

  it('has summer peaks, yearly growth and jobs only in 2019–2025', () => {
    const jobDates = column('job', 'Job Date').map(isoDate);
    for (const d of jobDates) expect(d >= '2019-01-01' && d <= '2025-12-31', d).toBe(true);
    const byMonth = new Array<number>(12).fill(0);
    for (const d of jobDates) byMonth[Number(d.slice(5, 7)) - 1]! += 1;
    const summer = ((byMonth[5] ?? 0) + (byMonth[6] ?? 0) + (byMonth[7] ?? 0)) / 3;
    const winter = ((byMonth[11] ?? 0) + (byMonth[0] ?? 0) + (byMonth[1] ?? 0)) / 3;
    expect(summer / winter).toBeGreaterThan(1.5);
    const received = column('lead_status', 'Date Received').map(isoDate);
    expect(count(received, (d) => d.startsWith('2024')) / count(received, (d) => d.startsWith('2019'))).toBeGreaterThan(1.25);
  });

  it('routes mostly local, some long distance, with money that follows size, distance and effort', () => {
    const t = files.job;
    const [miles, revenue, size, service, status] = ['Miles', 'Revenue', 'Move Size', 'Service Type', 'Job Status'].map((h) => t.col(h)) as number[];
    const moved = t.rows.filter((r) => text(r[miles!] ?? null) !== '');
    const m = moved.map((r) => Number(r[miles!]));
    expect(count(m, (x) => x < 60) / m.length).toBeGreaterThan(0.65);
    expect(count(m, (x) => x > 450) / m.length).toBeGreaterThan(0.05);
    expect(count(m, (x) => x > 450) / m.length).toBeLessThan(0.2);
    const closed = t.rows.filter((r) => r[status!] === 'Closed' && r[service!] !== 'Packing');
    const costs = ['Labor Cost', 'Truck Cost', 'Materials Cost', 'Other Cost'].map((h) => t.col(h));
    for (const r of closed) {
      const spent = costs.reduce((sum, c) => sum + Number(r[c]), 0);
      expect(spent).toBeLessThan(Number(r[revenue!]));
    }
    const mean = (rows: readonly (readonly XlsxValue[])[]) => rows.reduce((s, r) => s + Number(r[revenue!]), 0) / rows.length;
    const local = closed.filter((r) => r[service!] === 'Local Move');
    expect(mean(local.filter((r) => r[size!] === '4 Bedroom'))).toBeGreaterThan(1.5 * mean(local.filter((r) => r[size!] === '1 Bedroom')));
    expect(mean(closed.filter((r) => r[service!] === 'Long Distance Move'))).toBeGreaterThan(2 * mean(local));
  });

  it('writes weekly phone rows and monthly sales rows', () => {
    const days = (a: XlsxValue, b: XlsxValue) => (Date.parse(isoDate(b)) - Date.parse(isoDate(a))) / 86_400_000 + 1;
    const user = files.user_performance;
    for (const r of user.rows) {
      expect(days(r[user.col('Period Start')] ?? null, r[user.col('Period End')] ?? null)).toBe(7);
      expect(new Date(isoDate(r[user.col('Period Start')] ?? null)).getUTCDay()).toBe(1);
    }
    const sales = files.sales_performance;
    for (const r of sales.rows) {
      expect(isoDate(r[sales.col('Period Start')] ?? null).endsWith('-01')).toBe(true);
      expect(days(r[sales.col('Period Start')] ?? null, r[sales.col('Period End')] ?? null)).toBeGreaterThanOrEqual(28);
    }
    expect(user.rows.length).toBeGreaterThan(3.5 * sales.rows.length);
  });

  it('opens the xlsx files with exceljs, with typed dates and text dates', () => {
    for (const kind of ['booked_opportunity', 'sales_performance'] as const) {
      const dates = column(kind, kind === 'booked_opportunity' ? 'Booked Date' : 'Period Start');
      expect(count(dates, (d) => d instanceof Date)).toBeGreaterThan(dates.length / 2);
      expect(count(dates, (d) => typeof d === 'string')).toBeGreaterThan(0);
    }
  });

  it('generates a small sample quickly and reports each file’s final row count', async () => {
    const events: SampleProgress[] = [];
    const started = performance.now();
    const small = await generateSample({ outDir: join(dir, 'small'), jobs: 2_000, seed: 5, onProgress: (e) => events.push(e) });
    expect(performance.now() - started).toBeLessThan(5_000);
    for (const f of small.files.filter((x) => x.kind !== 'truth')) {
      const last = events.filter((e) => e.file === f.file).at(-1);
      expect(last, f.file).toEqual({ file: f.file, rows: f.rows, totalRows: f.rows });
    }
  });

  it('rejects impossible options', async () => {
    await expect(generateSample({ outDir: join(dir, 'x'), jobs: 0 })).rejects.toThrow(RangeError);
    await expect(generateSample({ outDir: join(dir, 'x'), jobs: 1.5 })).rejects.toThrow(RangeError);
    await expect(generateSample({ outDir: join(dir, 'x'), seed: -1 })).rejects.toThrow(RangeError);
  });
});
