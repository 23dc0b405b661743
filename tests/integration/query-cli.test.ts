import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/index.ts';
import { renderQueryIndex, scanLibrary } from '../../electron/core/library/index.ts';
import { migrate, projectMigrations } from '../../electron/core/migrate/index.ts';
import { runWorkbench } from '../support/cli.ts';
import { engines } from '../support/engines.ts';
import type { DatabaseTarget } from '../../electron/core/db/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'wb-query-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A library of its own for the runs, so the expected rows do not depend on the real queries. */
const library = join(scratch, 'library');
const files: Record<string, string> = {
  'benchmarking/jobs-per-branch.sql': `-- name: Jobs per branch
-- description: Closed jobs and revenue per branch in a period.
-- category: Benchmarking
-- tags: branch
-- param: period daterange = 2024-01-01..2024-12-31 "Job dates"
-- param: branch branch = all "Branch"
-- param: closed_only boolean = true "Closed jobs only"
-- chart: bar x=branch y=jobs
-- format: revenue=currency
select b.name as branch, count(*) as jobs, sum(j.revenue) as revenue
  from job j
  join branch b using (branch_id)
 where j.job_date between :period_from::date and :period_to::date
   and (:branch::bigint is null or j.branch_id = :branch)
   and (not :closed_only or j.status = 'CLOSED')
 group by b.name
 order by b.name
`,
  'data-quality/echo.sql': `-- name: Echo
-- description: Gives back the text it was given, and how many jobs have that branch spelling.
-- category: Data Quality
-- param: needle text = "" "Text"
-- chart: none
select :needle::text as needle, (select count(*) from job where raw_branch = :needle) as matches, ':needle' as literal
`,
  'data-quality/broken-column.sql': `-- name: Broken column
-- description: Refers to a column that does not exist.
-- category: Data Quality
-- chart: none
select job_id,
       nosuch
  from job
`,
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(library, path.split('/')[0] ?? ''), { recursive: true });
  writeFileSync(join(library, path), text);
}

function dbArg(target: DatabaseTarget): string {
  return target.kind === 'server' ? target.url : target.directory;
}

describe('workbench query without a database', () => {
  it('prints help for the command and each subcommand', async () => {
    const top = await runWorkbench(['query', '--help']);
    expect([top.code, top.stdout]).toEqual([0, expect.stringMatching(/list[\s\S]*show[\s\S]*run[\s\S]*index/)]);
    const run = await runWorkbench(['query', 'run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--param <name=value>/);
    expect(run.stdout).toMatch(/--format <format>\s+output format \(choices: "table", "csv", "json",/);
    expect(run.stdout).toMatch(/--out <file>/);
    expect(run.stdout).toMatch(/daterange\s+two dates FROM\.\.TO/);
    const list = await runWorkbench(['query', 'list', '--help']);
    expect([list.code, list.stdout]).toEqual([0, expect.stringMatching(/--json/)]);
  });

  it('lists the project library with slugs, categories, parameters and charts', async () => {
    const { queries } = scanLibrary();
    const json = await runWorkbench(['query', 'list', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { queries: { slug: string; category: string; parameters: { name: string; type: string }[]; chart: unknown }[] };
    expect(parsed.queries.map((q) => q.slug)).toEqual(queries.map((q) => q.slug));
    expect(parsed.queries.find((q) => q.slug === 'revenue-by-month')).toMatchObject({
      category: 'Analytics',
      parameters: [{ name: 'period', type: 'daterange' }, { name: 'branch', type: 'branch' }, { name: 'min_jobs', type: 'integer' }],
      chart: { type: 'line', x: 'month', y: ['revenue', 'jobs'] },
    });
    const table = await runWorkbench(['query', 'list']);
    expect(table.stdout).toMatch(/^slug +\| name +\| category +\| parameters +\| chart/);
    expect(table.stdout).toMatch(/revenue-by-month +\| Revenue by month +\| Analytics +\| period:daterange branch:branch min_jobs:integer +\| line x=month y=revenue,jobs/);
  });

  it('suggests the closest slugs for an unknown one', async () => {
    const r = await runWorkbench(['query', 'run', 'revenue-by-mnth']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^workbench: no library query "revenue-by-mnth"; did you mean revenue-by-month[,?]/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names an unknown or ill-typed parameter and lists what the query accepts, before touching a database', async () => {
    const unknown = await runWorkbench(['query', 'run', 'jobs-per-branch', '--library', library, '-p', 'year=2024', '--db', join(scratch, 'never-created')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'workbench: jobs-per-branch: unknown parameter "year"; jobs-per-branch accepts: ' +
        'period (daterange: two dates FROM..TO (YYYY-MM-DD..YYYY-MM-DD); default 2024-01-01..2024-12-31), ' +
        'branch (branch: all, an id, or a branch name; default all), closed_only (boolean: true or false; default true)',
    );
    const typed = await runWorkbench(['query', 'run', 'jobs-per-branch', '--library', library, '--param', 'closed_only=perhaps']);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/^workbench: jobs-per-branch: parameter "closed_only" \(boolean\): expected true or false, got "perhaps"; jobs-per-branch accepts: period/);
    const shape = await runWorkbench(['query', 'run', 'jobs-per-branch', '--library', library, '--param', 'closed_only']);
    expect(shape.stderr).toMatch(/^workbench: jobs-per-branch: --param "closed_only": expected name=value/);
    expect(existsSync(join(scratch, 'never-created'))).toBe(false);
  });

  it('shows a query with its parameters', async () => {
    const r = await runWorkbench(['query', 'show', 'jobs-per-branch', '--library', library]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Jobs per branch (jobs-per-branch, Benchmarking; benchmarking/jobs-per-branch.sql)');
    expect(r.stdout).toContain('--param branch (branch: all, an id, or a branch name; default all)  "Branch"');
  });

  it('writes the index and checks it for staleness', async () => {
    const out = join(scratch, 'index.md');
    expect((await runWorkbench(['query', 'index', '--library', library, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(renderQueryIndex(scanLibrary(library).queries));
    expect((await runWorkbench(['query', 'index', '--library', library, '--out', out, '--check'])).code).toBe(0);
    writeFileSync(out, 'old\n');
    const stale = await runWorkbench(['query', 'index', '--library', library, '--out', out, '--check']);
    expect([stale.code, stale.stderr.trim()]).toEqual([1, `workbench: ${out} is stale: run \`npx workbench query index --out docs/sql_queries_index.md\``]);
  });
});

describe.each(engines)('workbench query run on the $name engine', (engine) => {
  let target: DatabaseTarget;
  let cleanup: () => Promise<void> = async () => undefined;
  const run = (...args: string[]) => runWorkbench(['query', 'run', ...args, '--library', library, '--db', dbArg(target)]);

  beforeAll(async () => {
    ({ target, cleanup } = await engine.create());
    const db = await openDatabase(target);
    try {
      await migrate(db, projectMigrations());
      await db.write(async (tx) => {
        await tx.query(`insert into branch (name, name_key) values ('Denver', 'denver'), ('Boulder', 'boulder'), ('Denver North', 'denver north')`);
        await tx.query(
          `insert into job (job_number, job_date, status, revenue, branch_id, raw_branch)
           select 'J' || g, date '2024-01-01' + g * 7, case when g % 4 = 0 then 'CANCELLED' else 'CLOSED' end, 100 * g,
                  (select branch_id from branch where name = case g % 3 when 0 then 'Denver' when 1 then 'Boulder' else 'Denver North' end), 'raw'
             from generate_series(1, 24) g`,
        );
      });
    } finally {
      await db.close();
    }
  }, 120_000);
  afterAll(async () => cleanup());

  it('runs with the defaults and prints a table, CSV or JSON', async () => {
    const table = await run('jobs-per-branch');
    expect([table.code, table.stderr]).toEqual([0, '']);
    expect(table.stdout).toMatch(/^branch +\| jobs \| revenue\n/);
    expect(table.stdout).toMatch(/\(3 rows, \d+ ms\)\n$/);
    const csv = await run('jobs-per-branch', '--format', 'csv');
    expect(csv.stdout).toBe('branch,jobs,revenue\nBoulder,6,7200\nDenver,6,7200\nDenver North,6,7200\n');
    const json = await run('jobs-per-branch', '--format', 'json', '-p', 'closed_only=false', '-p', 'period=2024-01-01..2024-03-31');
    const parsed = JSON.parse(json.stdout) as { query: string; params: unknown; rows: unknown[][]; rowCount: number };
    expect(parsed).toMatchObject({ query: 'jobs-per-branch', params: { period: '2024-01-01..2024-03-31', branch: null, closed_only: false }, rowCount: 3 });
    expect(parsed.rows).toEqual([
      ['Boulder', 4, 2200],
      ['Denver', 4, 3000],
      ['Denver North', 4, 2600],
    ]);
  });

  it('takes a lookup by id, or by name without regard to case, and says when a name is unknown', async () => {
    const byName = await run('jobs-per-branch', '--format', 'csv', '-p', 'branch=denver north');
    expect([byName.code, byName.stdout]).toEqual([0, 'branch,jobs,revenue\nDenver North,6,7200\n']);
    const byId = await run('jobs-per-branch', '--format', 'csv', '-p', 'branch=2');
    expect(byId.stdout).toBe('branch,jobs,revenue\nBoulder,6,7200\n');
    const unknown = await run('jobs-per-branch', '-p', 'branch=Denvr');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('workbench: jobs-per-branch: parameter "branch": no branch is named "Denvr"; did you mean "Denver"? (all, an id, or one of 3 names)');
  });

  it('binds a hostile value as text: nothing is pasted into the SQL', async () => {
    const hostile = "'); drop table job; --";
    const r = await run('echo', '--format', 'json', '--param', `needle=${hostile}`);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { rows: unknown[][] }).rows).toEqual([[hostile, 0, ':needle']]);
    const still = await runWorkbench(['sql', 'select count(*) from job', '--csv', '--db', dbArg(target)]);
    expect(still.stdout).toBe('count\n24\n');
  });

  it('writes --out only when the query succeeds', async () => {
    const out = join(scratch, `${engine.name}-jobs.csv`);
    const ok = await run('jobs-per-branch', '--format', 'csv', '--out', out);
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, '', expect.stringMatching(/^wrote 3 rows of jobs-per-branch to .*jobs\.csv \(\d+ ms\)\n$/)]);
    expect(readFileSync(out, 'utf8')).toMatch(/^branch,jobs,revenue\nBoulder,6,7200\n/);
    const broken = await run('broken-column', '--out', join(scratch, `${engine.name}-broken.csv`));
    expect(broken.code).toBe(1);
    expect(existsSync(join(scratch, `${engine.name}-broken.csv`))).toBe(false);
    expect(existsSync(join(scratch, `${engine.name}-broken.csv.partial`))).toBe(false);
  });

  it('points a database error at its line in the library file', async () => {
    const r = await run('broken-column');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'workbench: broken-column: column "nosuch" does not exist [SQLSTATE 42703]\ndata-quality/broken-column.sql\n  line 6:        nosuch\n                 ^\n',
    );
  });
});
