import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../electron/core/db/index.ts';
import { linkColumns, runPipeline } from '../electron/core/pipeline/index.ts';
import type { PipelineStep } from '../electron/core/pipeline/index.ts';
import { generateSample } from '../electron/core/sample/index.ts';

/** A generated sample of `jobs` jobs (seed 1), cached under $TMPDIR/wb-bench-samples. */
export async function sampleFor(jobs: number): Promise<string> {
  const dir = join(tmpdir(), 'wb-bench-samples', `jobs-${jobs}-seed-1`);
  if (!existsSync(join(dir, 'truth', 'manifest.json'))) {
    process.stderr.write(`generating a sample with ${jobs} jobs in ${dir}…\n`);
    await generateSample({ outDir: dir, jobs, seed: 1 });
  }
  return dir;
}

/** A new, empty database `name` on the server (dropped first if it exists); returns its URL. */
export async function scratchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The tables the imports fill, one row per exported record: the pipelines rewrite their rows to set links. */
const factTables = new Set([...linkColumns.map((l) => l.table), 'user_performance', 'sales_performance']);

/**
 * The step with its rewrites of fact rows timed: every `change` that updates or links rows of a fact
 * table adds its time to `spent`. What remains of the step is reading and matching, and writing the
 * lookup, alias, customer and review-queue tables.
 */
function withFactWriteTiming(step: PipelineStep, spent: Map<string, number>): PipelineStep {
  return {
    ...step,
    apply: (ctx) =>
      step.apply({
        ...ctx,
        async change(table, action, sql, params, options) {
          const started = performance.now();
          try {
            return await ctx.change(table, action, sql, params, options);
          } finally {
            if (factTables.has(table) && (action === 'link' || action === 'update')) spent.set(step.name, (spent.get(step.name) ?? 0) + performance.now() - started);
          }
        },
      }),
  };
}

/**
 * Runs `steps` and prints a table: each step's transaction ("step"), the part of it that rewrote fact
 * rows ("facts") and the rest, its wall time with the runner's vacuum after it ("wall"),
 * the run's closing vacuum, and the totals. Returns the wall total.
 */
export async function timePipeline(db: Database, steps: PipelineStep[]): Promise<number> {
  const started = performance.now();
  let last = started;
  const walls: number[] = [];
  const factMs = new Map<string, number>();
  const reports = await runPipeline(
    db,
    steps.map((s) => withFactWriteTiming(s, factMs)),
    {
      onStep: () => {
        const now = performance.now();
        walls.push(now - last);
        last = now;
      },
    },
  );
  const total = (performance.now() - started) / 1000;
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const line = (...cells: string[]) => console.log(`  ${cells[0]!.padEnd(20)} ${cells.slice(1).map((c) => c.padStart(8)).join(' ')}`);
  line('step', 'step s', 'facts s', 'rest s', 'wall s');
  reports.forEach((r, i) => {
    const facts = factMs.get(r.step) ?? 0;
    line(r.step, seconds(r.durationMs), seconds(facts), seconds(r.durationMs - facts), seconds(walls[i] ?? 0));
  });
  const stepMs = reports.reduce((n, r) => n + r.durationMs, 0);
  const allFacts = [...factMs.values()].reduce((n, ms) => n + ms, 0);
  line('vacuum at the end', '', '', '', (total - walls.reduce((n, w) => n + w, 0) / 1000).toFixed(2));
  line('total', seconds(stepMs), seconds(allFacts), seconds(stepMs - allFacts), total.toFixed(2));
  if (db.engine === 'server') await printUpdateStats(db);
  return total;
}

/**
 * Per table, the row updates of the run and how many were HOT (rewritten on their own page, no index
 * touched), and the table's size. Counted since the database was created, so on a fresh copy of an
 * import these are the run's. The server publishes a backend's counts once it is idle, hence the wait.
 */
async function printUpdateStats(db: Database): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const stats = await db.read(
    `select relname, n_tup_upd, n_tup_hot_upd, pg_size_pretty(pg_table_size(relid)) from pg_stat_user_tables
      where n_tup_upd > 0 order by n_tup_upd desc`,
  );
  console.log(`  ${'table'.padEnd(20)} ${'updates'.padStart(11)} ${'HOT'.padStart(7)} ${'size'.padStart(9)}`);
  for (const [table, updates, hot, size] of stats.rows) {
    const share = Number(updates) ? `${((100 * Number(hot)) / Number(updates)).toFixed(1)}%` : '';
    console.log(`  ${String(table).padEnd(20)} ${Number(updates).toLocaleString('en-US').padStart(11)} ${share.padStart(7)} ${String(size).padStart(9)}`);
  }
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
