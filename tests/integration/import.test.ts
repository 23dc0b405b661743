import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, expandPaths } from '../../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import type { Database } from '../../electron/core/db/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wb-import-'));
const sampleDir = join(scratch, 'sample');

beforeAll(async () => {
  await generateSample({ outDir: sampleDir, jobs: 400, seed: 7 });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function count(db: Database, table: string): Promise<number> {
  return Number((await db.read(`select count(*) from ${table}`)).rows[0]?.[0]);
}

describe.each(engines)('import on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await migrate(db, projectMigrations());
  });
  afterAll(async () => dispose());

  it('recognises every export by its headers and reconciles rows = imported + rejected', async () => {
    const results = await importFiles(db, expandPaths([sampleDir]), { rejectsDir: join(scratch, 'rejects') });
    expect(results.map((r) => [r.file, r.kind])).toEqual([
      ['bad_leads.csv', 'bad_lead'],
      ['booked_opportunities.xlsx', 'booked_opportunity'],
      ['jobs.csv', 'job'],
      ['lead_status.csv', 'lead_status'],
      ['lost_leads.csv', 'lost_lead'],
      ['sales_performance.xlsx', 'sales_performance'],
      ['user_performance.csv', 'user_performance'],
    ]);
    for (const r of results) {
      expect(r.error).toBeUndefined();
      expect(r.rows).toBe(r.imported + r.rejected);
    }
    const jobs = results.find((r) => r.kind === 'job');
    expect(jobs?.rows).toBe(400);
    expect(await count(db, 'job')).toBe(jobs?.imported);
    const batches = await db.read(`select count(*) from import_batch where status = 'completed' and row_count = imported_count + rejected_count`);
    expect(batches.rows).toEqual([[7]]);
  });

  it('keeps the raw text beside normalized values', async () => {
    const r = await db.read(`select count(*) filter (where raw_quote_number like 'Q-%' and quote_number !~ '\\D'),
                                     count(*) filter (where raw_quote_number <> quote_number)
                                from job`);
    expect(Number(r.rows[0]?.[0])).toBeGreaterThan(0);
    expect(Number(r.rows[0]?.[1])).toBeGreaterThan(0);
    const statuses = await db.read(`select distinct status from job order by 1`);
    expect(statuses.rows.flat().every((s) => ['PENDING', 'BOOKED', 'CLOSED', 'CANCELLED', 'POSTPONED'].includes(String(s)))).toBe(true);
  });

  it('treats the same bytes again as a no-op that says so', async () => {
    const before = await count(db, 'job');
    const again = await importFiles(db, [join(sampleDir, 'jobs.csv')], { rejectsDir: join(scratch, 'rejects') });
    expect(again[0]).toMatchObject({ skipped: true, kind: 'job' });
    expect(again[0]?.note).toMatch(/^already imported as batch \d+ on \d{4}-\d{2}-\d{2} \d{2}:\d{2}: nothing to do$/);
    expect(await count(db, 'job')).toBe(before);
  });

  it('updates and adds from a newer export of the same source without duplicating rows', async () => {
    const original = readFileSync(join(sampleDir, 'jobs.csv'), 'utf8').trimEnd().split('\n');
    const header = original[0] ?? '';
    const cells = (original[1] ?? '').split(',');
    const revenueAt = header.split(',').indexOf('Revenue');
    cells[revenueAt] = '99999.99';
    const newRow = (original[2] ?? '').split(',');
    newRow[0] = '9999999';
    const newer = [header, cells.join(','), ...original.slice(2), newRow.join(',')].join('\n');
    const file = join(scratch, 'jobs-newer.csv');
    writeFileSync(file, `${newer}\n`);
    const before = await count(db, 'job');
    const [result] = await importFiles(db, [file], { rejectsDir: join(scratch, 'rejects') });
    expect(result).toMatchObject({ kind: 'job', inserted: 1, updated: 1 });
    expect(result?.unchanged).toBe((result?.imported ?? 0) - 2);
    expect(await count(db, 'job')).toBe(before + 1);
    const changed = await db.read(`select revenue from job where job_number = $1`, [cells[0]]);
    expect(changed.rows).toEqual([[99999.99]]);
  });

  it('rejects the earlier of two rows with the same natural key, naming both rows', async () => {
    const lines = readFileSync(join(sampleDir, 'lost_leads.csv'), 'utf8').trimEnd().split('\n');
    const file = join(scratch, 'lost-dup.csv');
    writeFileSync(file, [lines[0], lines[1], lines[2], lines[1]].join('\n'));
    const fresh = await freshDatabase(engine);
    try {
      await migrate(fresh.db, projectMigrations());
      const [result] = await importFiles(fresh.db, [file], { rejectsDir: join(scratch, 'rejects') });
      expect(result).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
      const reject = await fresh.db.read('select row_number, reason from import_reject');
      expect(reject.rows).toEqual([[1, expect.stringMatching(/^duplicate of row 3 \(same quote number and lost date\)/)]]);
      const rejectsCsv = readFileSync(result?.rejects ?? '', 'utf8');
      expect(rejectsCsv.split('\n')[0]).toBe('"file","row","column","reason","raw"');
      expect(rejectsCsv).toContain('"lost-dup.csv","1",,"duplicate of row 3');
    } finally {
      await fresh.dispose();
    }
  });
});

describe('import of a copied file under another name', () => {
  it('is recognised by content, not by name', async () => {
    const renamed = join(scratch, 'export-2024-q3.csv');
    copyFileSync(join(sampleDir, 'user_performance.csv'), renamed);
    const engine = engines[0];
    if (!engine) throw new Error('no engine');
    const fresh = await freshDatabase(engine);
    try {
      await migrate(fresh.db, projectMigrations());
      const [result] = await importFiles(fresh.db, [renamed], { rejectsDir: join(scratch, 'rejects') });
      expect(result?.kind).toBe('user_performance');
    } finally {
      await fresh.dispose();
    }
  });
});
