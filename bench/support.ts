import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../electron/core/db/index.ts';
import { runPipeline } from '../electron/core/pipeline/index.ts';
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

/**
 * Runs `steps` and prints a table: each step's transaction ("step") and its wall time with the
 * runner's vacuum after it ("wall"), the run's closing vacuum, and the totals. Returns the wall total.
 */
export async function timePipeline(db: Database, steps: PipelineStep[]): Promise<number> {
  const started = performance.now();
  let last = started;
  const walls: number[] = [];
  const reports = await runPipeline(db, steps, {
    onStep: () => {
      const now = performance.now();
      walls.push(now - last);
      last = now;
    },
  });
  const total = (performance.now() - started) / 1000;
  const line = (name: string, step: string, wall: string) => console.log(`  ${name.padEnd(20)} ${step.padStart(8)} ${wall.padStart(8)}`);
  line('step', 'step s', 'wall s');
  reports.forEach((r, i) => line(r.step, (r.durationMs / 1000).toFixed(2), ((walls[i] ?? 0) / 1000).toFixed(2)));
  line('vacuum at the end', '', (total - walls.reduce((n, w) => n + w, 0) / 1000).toFixed(2));
  line('total', (reports.reduce((n, r) => n + r.durationMs, 0) / 1000).toFixed(2), total.toFixed(2));
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
