import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbError } from '../../electron/core/db/index.ts';
import { importFiles, expandPaths } from '../../electron/core/import/index.ts';
import { indexCommand, QueryCatalog, renderQueryIndex, resolveParamValues, scanLibrary } from '../../electron/core/library/index.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { orderSteps, pipelineSteps, runPipeline } from '../../electron/core/pipeline/index.ts';
import { prepareLibraryStatement, streamStatement } from '../../electron/core/query/library-run.ts';
import { createHandlers, mapCoreError } from '../../electron/core/rpc/handlers.ts';
import { WorkspaceStore } from '../../electron/core/workspace/index.ts';
import { createDispatch } from '../../shared/contract/index.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { engines, freshDatabase } from '../support/engines.ts';
import { tableChecksums } from '../support/table-checksums.ts';
import type { Database } from '../../electron/core/db/index.ts';
import type { LibraryQuery, QueryPage } from '../../shared/contract/index.ts';
import type { CellValue, ResultField } from '../../shared/db.ts';

// The library is read when the suite starts, so every query in sql/queries/ at that moment is tested.
const library = scanLibrary();
const scratch = mkdtempSync(join(tmpdir(), 'wb-query-library-'));
const sampleDir = join(scratch, 'sample');

beforeAll(async () => {
  await generateSample({ outDir: sampleDir, jobs: 1500, seed: 5 });
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a library query through the runner (read-only, cursor pages), with `given` over its defaults. */
async function runLibraryQuery(db: Database, query: LibraryQuery, given: Record<string, unknown> = {}): Promise<{ fields: ResultField[]; rows: CellValue[][] }> {
  const statement = prepareLibraryStatement(query, resolveParamValues(query, given), query.sql);
  let fields: ResultField[] = [];
  const rows: CellValue[][] = [];
  for await (const page of streamStatement(db, statement, { pageSize: 1000 })) {
    fields = page.fields;
    rows.push(...page.rows);
  }
  return { fields, rows };
}

/** A library folder of its own, holding the given files (`folder/slug.sql` → text). */
function temporaryLibrary(files: Record<string, string>): LibraryQuery[] {
  const root = mkdtempSync(join(scratch, 'library-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path.split('/')[0] ?? ''), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const scan = scanLibrary(root);
  expect(scan.problems).toEqual([]);
  return scan.queries;
}

const header = (name: string, extra = '') => `-- name: ${name}\n-- description: A test query.\n-- category: Data Quality\n${extra}-- chart: none\n`;

async function failure(work: Promise<unknown>): Promise<DbError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DbError) return error;
    throw error;
  }
  throw new Error('expected the query to fail');
}

describe('the query library files', () => {
  it('all follow the file format (a broken file is skipped by the app and named here)', () => {
    expect(library.problems.map((p) => p.message)).toEqual([]);
    expect(library.queries.length).toBeGreaterThan(0);
  });

  it('docs/sql_queries_index.md is generated from the current headers', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../docs/sql_queries_index.md', import.meta.url)), 'utf8');
    expect(committed, `docs/sql_queries_index.md is stale: run \`${indexCommand}\``).toBe(renderQueryIndex(library.queries));
  });
});

describe.each(engines)('the query library on the $name engine', (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase(engine));
    await migrate(db, projectMigrations());
    await importFiles(db, expandPaths([sampleDir]), { rejectsDir: join(scratch, `rejects-${engine.name}`) });
    await runPipeline(db, orderSteps(pipelineSteps, []));
  }, 300_000);
  afterAll(async () => dispose());

  it.each(library.queries.map((q) => [q.slug, q] as const))('%s runs with its defaults, returns rows, and its chart and formats name result columns', async (_slug, query) => {
    const { fields, rows } = await runLibraryQuery(db, query);
    expect(rows.length, 'rows on the sample with the defaults').toBeGreaterThan(0);
    const columns = fields.map((f) => f.name);
    const charted = query.chart.type === 'none' ? [] : [query.chart.x ?? '', ...(query.chart.y ?? [])];
    expect(charted.filter((c) => !columns.includes(c)), `chart columns missing from the result (${columns.join(', ')})`).toEqual([]);
    expect(Object.keys(query.formats).filter((c) => !columns.includes(c)), `format columns missing from the result (${columns.join(', ')})`).toEqual([]);
  });

  it('binds a hostile text value as a value: nothing is pasted, nothing is dropped', async () => {
    const [query] = temporaryLibrary({
      'data-quality/needle.sql': `${header('Needle', '-- param: needle text = "" "Needle"\n')}select :needle::text as needle, ':needle' as literal,\n       (select count(*) from job where raw_branch = :needle) as matches\n`,
    });
    const hostile = "'); drop table job; --";
    const before = await db.read('select count(*) from job');
    const { rows } = await runLibraryQuery(db, query as LibraryQuery, { needle: hostile });
    expect(rows).toEqual([[hostile, ':needle', 0]]);
    expect((await db.read('select count(*) from job')).rows).toEqual(before.rows);
  });

  it('refuses library queries that try to write, and they change nothing', async () => {
    const queries = temporaryLibrary({
      'data-quality/delete-cte.sql': `${header('Delete in a CTE')}with gone as (delete from job returning job_id) select count(*) as n from gone\n`,
      'data-quality/update-cte.sql': `${header('Update in a CTE')}with changed as (update branch set name = 'x' returning 1) select count(*) as n from changed\n`,
      'data-quality/insert-cte.sql': `${header('Insert in a CTE')}with added as (insert into branch (name, name_key) values ('Evil', 'evil') returning 1) select count(*) as n from added\n`,
      'data-quality/explain-delete.sql': `${header('Delete under EXPLAIN ANALYZE')}explain analyze with gone as (delete from job returning 1) select count(*) from gone\n`,
      'data-quality/sequence.sql': `${header('Advance a sequence')}select nextval(pg_get_serial_sequence('job', 'job_id')) as n\n`,
      'data-quality/read-write.sql': `${header('Switch to read-write')}select set_config('transaction_read_only', 'off', true) as x\n`,
      'data-quality/delete.sql': `${header('Plain delete')}delete from job\n`,
      'data-quality/truncate.sql': `${header('Truncate')}truncate job\n`,
      'data-quality/drop.sql': `${header('Drop')}drop table job\n`,
      'data-quality/set.sql': `${header('Set')}set default_transaction_read_only = off\n`,
    });
    const before = await tableChecksums(db);
    const codes: Record<string, string> = {};
    for (const query of queries) codes[query.slug] = (await failure(runLibraryQuery(db, query))).sqlstate;
    // The embedded engine reads through a cursor, which may not hold a data-modifying WITH (0A000); the
    // server runs the statement itself, and READ ONLY stops it (25006).
    const writingWith = engine.name === 'embedded' ? '0A000' : '25006';
    expect(codes).toEqual({
      'delete-cte': writingWith,
      'update-cte': writingWith,
      'insert-cte': writingWith,
      'explain-delete': '25006',
      sequence: '25006',
      // The transaction stays read-only: PostgreSQL refuses to switch it once it has run a query.
      'read-write': '25001',
      // The workbench's own refusal: only SELECT, WITH, VALUES, TABLE, EXPLAIN and SHOW reach the database.
      delete: 'WB001',
      truncate: 'WB001',
      drop: 'WB001',
      set: 'WB001',
    });
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('rides nothing along after a semicolon, and a session setting does not outlive its read', async () => {
    const [chained, loosen, count] = temporaryLibrary({
      'data-quality/a-chained.sql': `${header('Chained')}select 1 as one; delete from job\n`,
      'data-quality/b-loosen.sql': `${header('Change the session')}select set_config('search_path', 'pg_catalog', false) as setting\n`,
      'data-quality/c-count.sql': `${header('Count jobs')}select count(*) as n from job\n`,
    });
    const before = await tableChecksums(db);
    expect((await failure(runLibraryQuery(db, chained as LibraryQuery))).sqlstate).toBe('42601');
    expect((await runLibraryQuery(db, loosen as LibraryQuery)).rows).toEqual([['pg_catalog']]);
    // Had the search_path stuck to the (single, on the embedded engine) connection, job would not resolve.
    expect((await runLibraryQuery(db, count as LibraryQuery)).rows).toEqual([[Number(before.job?.split(':')[0])]]);
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('serves the app over the contract: library runs bound on the core side, choices, favourites and recent runs', async () => {
    const store = new WorkspaceStore({ file: ':memory:' });
    const catalog = new QueryCatalog(library);
    const handlers = createHandlers({
      db,
      catalog,
      migrations: projectMigrations(),
      workspace: store,
      recordRun: (r) => store.addHistory({ database: db.label, sql: r.sql, params: r.params, querySlug: r.slug ?? null, status: r.status, startedAt: new Date().toISOString() }),
    });
    const dispatch = createDispatch(handlers, mapCoreError);
    const pages: QueryPage[] = [];
    const call = (method: string, args: unknown) => dispatch(method, args, { emit: (_event, page) => pages.push(page as QueryPage) });
    try {
      const choices = await call('library/choices', { kind: 'branch' });
      expect(choices).toMatchObject({ ok: true, value: { kind: 'branch' } });
      const branches = choices.ok ? (choices.value as { choices: { id: number; name: string }[] }).choices : [];
      expect(branches.length).toBeGreaterThan(0);
      const query = catalog.get('revenue-by-month');
      const params = { period: '2019-01-01..2025-12-31', branch: branches[0]?.id ?? null, min_jobs: 1 };
      const run = await call('query/run', { runId: 'run-library-1', slug: 'revenue-by-month', params });
      expect(run).toMatchObject({ ok: true, value: { runId: 'run-library-1', truncated: false } });
      const direct = await runLibraryQuery(db, query, params);
      expect(pages.flatMap((p) => p.rows)).toEqual(direct.rows);
      const edited = await call('query/run', { runId: 'run-library-2', slug: 'revenue-by-month', params: {}, sql: 'select count(*) as n\n  from job where job_date <= :period_to::date and nosuch' });
      expect(edited).toMatchObject({ ok: false, error: { code: 'database', detail: { sqlstate: '42703', position: 'select count(*) as n\n  from job where job_date <= :period_to::date and '.length + 1 } } });
      const badValue = await call('query/run', { runId: 'run-library-3', slug: 'revenue-by-month', params: { min_jobs: 'many' } });
      expect(badValue).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringMatching(/^parameter "min_jobs" \(integer\): expected a whole number, got "many"; revenue-by-month accepts: period/) } });
      const unknown = await call('query/run', { runId: 'run-library-4', slug: 'revenue-by-mnth' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/^no library query "revenue-by-mnth"; did you mean revenue-by-month/) } });
      expect(await call('library/setFavourite', { slug: 'revenue-by-month', favourite: true })).toEqual({ ok: true, value: { favourites: ['revenue-by-month'] } });
      expect(await call('library/setFavourite', { slug: 'no-such-query', favourite: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await call('query/run', { runId: 'run-library-5', slug: 'jobs-by-branch' });
      expect(await call('library/favourites', {})).toEqual({ ok: true, value: { favourites: ['revenue-by-month'], recent: ['jobs-by-branch', 'revenue-by-month'] } });
      expect(store.listHistory(1)[0]).toMatchObject({ querySlug: 'jobs-by-branch', status: 'ok', params: ['2019-01-01', '2025-12-31'] });
    } finally {
      store.close();
    }
  });

  it('points a SQL error at its place in the library file, not in the rewritten SQL', async () => {
    const [query] = temporaryLibrary({
      'data-quality/typo.sql': `${header('Typo', '-- param: since date = 2019-01-01 "Since"\n-- param: branch branch = all "Branch"\n')}select count(*) as n\n  from job\n where job_date >= :since::date and (:branch::bigint is null or branch_id = :branch) and nosuch = 1\n`,
    });
    const error = await failure(runLibraryQuery(db, query as LibraryQuery));
    expect(error.sqlstate).toBe('42703');
    expect(error.position).toBe((query as LibraryQuery).sql.indexOf('nosuch') + 1);
  });
});
