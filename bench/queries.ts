/**
 * Every library query, timed through the runner (READ ONLY transaction, statement timeout, pages:
 * what the CLI and the app run): on the embedded engine at the default sample size, and on a server at
 * `--jobs` (default 1,000,000). For each engine it prints the median query time and the ten slowest;
 * on the server also the runner's overhead: its time to the first page divided by psql's own
 * `\timing` for the same query with the same values written in as literals (aim ≤ 1.2) — for the
 * whole library, the median per query, and every query above 1.2 with both times and the parallel
 * workers psql's plan asks for (PostgreSQL runs a cursor or a portal read a page at a time without
 * them; electron/core/db/server-read.ts).
 *
 *   npx tsx bench/queries.ts [--server postgres://…] [--jobs 1000000] [--embedded-jobs 20000] [--runs 3]
 *                            [--only SLUG,…] [--no-embedded] [--fresh] [--database-url postgres://…]
 *                            [--timeout MS]
 *
 * Samples are cached under $TMPDIR/wb-bench-samples (as bench/import.ts does). The loaded databases
 * are kept for the next run: the embedded one under $TMPDIR/wb-bench-queries/, the server one as the
 * database wb_bench_queries_<jobs>; --fresh reloads them. `--database-url` times an already loaded
 * server database as it is (no migration, import or pipelines) instead of wb_bench_queries_<jobs>.
 * `--timeout` gives the runner and psql a statement timeout: a query over it is listed as failed
 * instead of holding up the run (default 0, none).
 *
 * The runner and psql take turns (one warm-up run each, then runner, psql, runner, psql…; psql is one
 * session kept open), so both meet the same load on a busy machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../electron/core/db/index.ts';
import { expandPaths, importFiles } from '../electron/core/import/index.ts';
import { findPlaceholders, resolveParamValues, scanLibrary } from '../electron/core/library/index.ts';
import { migrate, projectMigrations } from '../electron/core/migrate/index.ts';
import { orderSteps, pipelineSteps, runPipeline } from '../electron/core/pipeline/index.ts';
import { prepareLibraryStatement, streamStatement } from '../electron/core/query/library-run.ts';
import { median, sampleFor } from './support.ts';
import type { Database, DatabaseTarget } from '../electron/core/db/index.ts';
import type { LibraryQuery, ParamValue } from '../shared/contract/index.ts';

interface Timing {
  slug: string;
  rows: number;
  /** Median ms to the first page through the runner. */
  firstPageMs: number;
  /** Median ms to the last row through the runner. */
  totalMs: number;
  /** Median ms psql reports for the same query (server only). */
  psqlMs?: number;
  /** Parallel workers in psql's plan for the query (server only). */
  parallelWorkers?: number;
  error?: string;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/**
 * Migrates, imports the sample and runs the pipelines, unless a finished load is already there; then
 * ANALYZE, as autovacuum would on a server after a while. PGlite runs no autovacuum, so without it the
 * embedded planner works from empty statistics (see the note this script prints).
 */
async function load(db: Database, jobs: number, fresh: boolean): Promise<void> {
  await migrate(db, projectMigrations());
  const done = await db.read(`select count(*) from pipeline_run where mode = 'run' and status = 'completed'`);
  if (!fresh && Number(done.rows[0]?.[0]) > 0) {
    process.stderr.write('reusing the loaded database (--fresh reloads it)\n');
  } else await loadSample(db, jobs);
  const analyzed = await db.read(`select count(*) from pg_stat_user_tables where relname = 'job' and coalesce(last_analyze, last_autoanalyze) is not null`);
  if (Number(analyzed.rows[0]?.[0]) === 0) {
    process.stderr.write('analyzing (no statistics yet)…\n');
    await db.write((tx) => tx.exec('analyze'));
  }
}

async function loadSample(db: Database, jobs: number): Promise<void> {
  const started = performance.now();
  const sample = await sampleFor(jobs);
  process.stderr.write(`importing ${sample}…\n`);
  const results = await importFiles(db, expandPaths([sample]), { rejectsDir: join(tmpdir(), 'wb-bench-queries-rejects') });
  const failed = results.filter((r) => r.error);
  if (failed.length) throw new Error(failed.map((f) => f.error).join('; '));
  process.stderr.write(`imported in ${((performance.now() - started) / 1000).toFixed(1)} s; running the pipelines…\n`);
  await runPipeline(db, orderSteps(pipelineSteps, []), { onProgress: (m) => process.stderr.write(`  ${m}\n`) });
  process.stderr.write(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/** The query's SQL with its values written in as literals, for psql only: the runner always binds them. */
function withLiterals(query: LibraryQuery, values: Record<string, ParamValue>): string {
  const bound = new Map<string, ParamValue>();
  for (const p of query.params) {
    const value = values[p.name] ?? null;
    if (p.type === 'daterange' && typeof value === 'string') {
      const [from = null, to = null] = value.split('..');
      bound.set(`${p.name}_from`, from);
      bound.set(`${p.name}_to`, to);
    } else bound.set(p.name, value);
  }
  const literal = (v: ParamValue): string => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));
  let text = '';
  let from = 0;
  for (const p of findPlaceholders(query.sql).named) {
    text += query.sql.slice(from, p.start) + literal(bound.get(p.name) ?? null);
    from = p.end;
  }
  return (text + query.sql.slice(from)).replace(/[\s;]+$/, '');
}

/**
 * One psql session, kept open: each query's time is psql's own `\timing` (from sending the query to
 * holding its whole result), its rows go to /dev/null.
 */
class PsqlSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private output = '';
  private errors = '';
  private waiting: (() => void) | undefined;

  constructor(url: string, timeoutMs: number) {
    this.child = spawn('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=0'], { stdio: 'pipe' });
    this.child.stdout.setEncoding('utf8').on('data', (text: string) => {
      this.output += text;
      if (this.output.includes('@@done\n')) this.waiting?.();
    });
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => {
      this.errors += text;
    });
    this.child.stdin.write(`set statement_timeout = ${timeoutMs};\n\\timing on\n\\o /dev/null\n`);
  }

  async time(sql: string): Promise<number> {
    this.output = '';
    this.errors = '';
    const done = new Promise<void>((resolve) => (this.waiting = resolve));
    // The terminator on a line of its own: a query may end with a -- comment.
    this.child.stdin.write(`${sql}\n;\n\\echo @@done\n`);
    await done;
    if (/ERROR/.test(this.errors)) throw new Error(`psql: ${this.errors.trim().split('\n')[0] ?? ''}`);
    const times = [...this.output.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
    if (times.length !== 1) throw new Error(`psql printed ${times.length} timings: ${this.output.slice(-300)}`);
    return times[0] ?? 0;
  }

  close(): void {
    this.child.stdin.end('\\q\n');
  }
}

/** How each engine is timed: measured runs per query (after one warm-up), and a statement timeout (0: none). */
interface Plan {
  runs: number;
  timeoutMs: number;
}

async function timeQueries(db: Database, queries: LibraryQuery[], { runs, timeoutMs }: Plan, psqlUrl?: string): Promise<Timing[]> {
  const timings: Timing[] = [];
  const psql = psqlUrl ? new PsqlSession(psqlUrl, timeoutMs) : undefined;
  const plans = psqlUrl ? new pg.Client({ connectionString: psqlUrl }) : undefined;
  await plans?.connect();
  try {
    for (const query of queries) {
      process.stderr.write(`  ${query.slug}…`);
      const values = resolveParamValues(query, {});
      const statement = prepareLibraryStatement(query, values, query.sql);
      const literal = withLiterals(query, values);
      const first: number[] = [];
      const total: number[] = [];
      const psqlMs: number[] = [];
      let rows = 0;
      try {
        // One warm-up run each (caches, plans), then `runs` measured ones, the runner and psql in turn.
        for (let i = 0; i <= runs; i++) {
          const started = performance.now();
          let firstAt = 0;
          rows = 0;
          for await (const page of streamStatement(db, statement, { pageSize: 1000, timeoutMs })) {
            if (rows === 0 && firstAt === 0) firstAt = performance.now() - started;
            rows += page.rows.length;
          }
          const elapsed = performance.now() - started;
          const psqlTime = psql ? await psql.time(literal) : 0;
          if (i > 0) {
            first.push(firstAt);
            total.push(elapsed);
            psqlMs.push(psqlTime);
          }
        }
        const timing: Timing = { slug: query.slug, rows, firstPageMs: median(first), totalMs: median(total) };
        if (psql) timing.psqlMs = median(psqlMs);
        if (plans) timing.parallelWorkers = await plannedWorkers(plans, literal);
        timings.push(timing);
        process.stderr.write(` ${ms(timing.totalMs)}${timing.psqlMs === undefined ? '' : ` (psql ${ms(timing.psqlMs)})`}\n`);
      } catch (error) {
        const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        timings.push({ slug: query.slug, rows: 0, firstPageMs: 0, totalMs: 0, error: message });
        process.stderr.write(` failed: ${message}\n`);
      }
    }
  } finally {
    psql?.close();
    await plans?.end();
  }
  return timings;
}

/** Workers psql's plan for `sql` asks for (0: a serial plan). */
async function plannedWorkers(client: pg.Client, sql: string): Promise<number> {
  const plan = await client.query<{ 'QUERY PLAN': string }>(`explain ${sql}`);
  return plan.rows.reduce((n, r) => n + Number(/Workers Planned: (\d+)/.exec(r['QUERY PLAN'])?.[1] ?? 0), 0);
}

function report(title: string, timings: Timing[]): void {
  const ok = timings.filter((t) => !t.error);
  console.log(`\n${title}: ${ok.length} queries${timings.length > ok.length ? `, ${timings.length - ok.length} failed` : ''}`);
  if (ok.length === 0) return;
  console.log(`  median query time (to the last row): ${ms(median(ok.map((t) => t.totalMs)))}; median time to the first page: ${ms(median(ok.map((t) => t.firstPageMs)))}`);
  console.log('  ten slowest (to the last row):');
  for (const t of [...ok].sort((a, b) => b.totalMs - a.totalMs).slice(0, 10)) {
    console.log(`    ${t.slug.padEnd(48)} ${ms(t.totalMs).padStart(11)}  ${String(t.rows).padStart(7)} rows`);
  }
  const compared = ok.filter((t) => t.psqlMs !== undefined && t.psqlMs > 0);
  if (compared.length > 0) {
    const ratio = (t: Timing) => t.firstPageMs / (t.psqlMs ?? 1);
    const ratios = compared.map(ratio);
    const sumRunner = compared.reduce((n, t) => n + t.firstPageMs, 0);
    const sumPsql = compared.reduce((n, t) => n + (t.psqlMs ?? 0), 0);
    console.log('  runner overhead: time to the first page / psql \\timing for the same query (aim ≤ 1.2)');
    console.log(`    whole library: ${(sumRunner / sumPsql).toFixed(2)} (${ms(sumRunner)} / ${ms(sumPsql)}); median per query: ${median(ratios).toFixed(2)}`);
    const slow = compared.filter((t) => t.psqlMs !== undefined && t.psqlMs >= 50);
    if (slow.length > 0) {
      const r = slow.reduce((n, t) => n + t.firstPageMs, 0) / slow.reduce((n, t) => n + (t.psqlMs ?? 0), 0);
      const over = slow.filter((t) => ratio(t) > 1.2).length;
      console.log(`    queries of 50 ms or more in psql (${slow.length}): ${r.toFixed(2)}; ${over} of them above 1.2`);
    }
    const above = compared.filter((t) => ratio(t) > 1.2).sort((a, b) => ratio(b) - ratio(a));
    console.log(`    queries above 1.2: ${above.length} of ${compared.length}${above.length ? ' (runner first page vs psql; "parallel" when psql\'s plan has workers)' : ''}`);
    for (const t of above) {
      const parallel = t.parallelWorkers ? `  parallel (${t.parallelWorkers} workers)` : '';
      console.log(`      ${t.slug.padEnd(46)} ${ratio(t).toFixed(2)}  (${ms(t.firstPageMs)} vs ${ms(t.psqlMs ?? 0)})${parallel}`);
    }
  }
  for (const t of timings.filter((x) => x.error)) console.log(`  FAILED ${t.slug}: ${t.error}`);
}

async function onDatabase(target: DatabaseTarget, jobs: number, fresh: boolean, work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(target, { statementTimeoutMs: 0 });
  try {
    await load(db, jobs, fresh);
    await work(db);
  } finally {
    await db.close();
  }
}

async function serverDatabase(serverUrl: string, name: string, fresh: boolean): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      jobs: { type: 'string', default: '1000000' },
      'embedded-jobs': { type: 'string', default: '20000' },
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      'no-embedded': { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      timeout: { type: 'string', default: '0' },
    },
  });
  const runs = Math.max(1, Number(values.runs));
  const plan: Plan = { runs, timeoutMs: Math.max(0, Number(values.timeout)) };
  const scan = scanLibrary();
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const queries = scan.queries.filter((q) => !only || only.has(q.slug));
  console.log(`node ${process.version}; ${new Date().toISOString()}; ${queries.length} library queries, ${runs} measured runs each after one warm-up${plan.timeoutMs ? `, statement timeout ${plan.timeoutMs} ms` : ''}`);
  for (const p of scan.problems) console.log(`  skipped (does not load): ${p.message}`);

  if (!values['no-embedded']) {
    const jobs = Number(values['embedded-jobs']);
    const directory = join(tmpdir(), 'wb-bench-queries', `embedded-${jobs}`);
    if (values.fresh) rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    await onDatabase({ kind: 'embedded', directory }, jobs, values.fresh, async (db) => {
      report(`embedded engine, sample of ${jobs.toLocaleString('en-US')} jobs`, await timeQueries(db, queries, plan));
    });
  }

  const loaded = values['database-url'];
  if (loaded) {
    const version = execFileSync('psql', [loaded, '-X', '-A', '-t', '-c', 'show server_version'], { encoding: 'utf8' }).trim();
    const jobs = Number(execFileSync('psql', [loaded, '-X', '-A', '-t', '-c', 'select count(*) from job'], { encoding: 'utf8' }).trim());
    const db = await openDatabase({ kind: 'server', url: loaded }, { statementTimeoutMs: 0 });
    try {
      report(`server engine (PostgreSQL ${version}), loaded database of ${jobs.toLocaleString('en-US')} jobs`, await timeQueries(db, queries, plan, loaded));
    } finally {
      await db.close();
    }
    return;
  }
  const server = values.server ?? process.env.WORKBENCH_BENCH_DATABASE_URL;
  if (!server) {
    console.log('\nno --server / WORKBENCH_BENCH_DATABASE_URL / --database-url: server part skipped');
    return;
  }
  const jobs = Number(values.jobs);
  const url = await serverDatabase(server, `wb_bench_queries_${jobs}`, values.fresh);
  const version = execFileSync('psql', [url, '-X', '-A', '-t', '-c', 'show server_version'], { encoding: 'utf8' }).trim();
  await onDatabase({ kind: 'server', url }, jobs, values.fresh, async (db) => {
    report(`server engine (PostgreSQL ${version}), sample of ${jobs.toLocaleString('en-US')} jobs`, await timeQueries(db, queries, plan, url));
  });
}

await main();
