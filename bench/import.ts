/**
 * Import throughput and memory: `workbench import` of jobs.csv into the server engine, end to end,
 * against `psql \copy` of the same CSV into a plain table on the same server, in one run; and the
 * whole default sample into the embedded engine.
 *
 *   npx tsx bench/import.ts [--jobs 1000000] [--server postgres://…] [--embedded-jobs 20000]
 *
 * Each import runs in a fresh process (peak RSS from /proc's VmHWM). Samples are cached under
 * $TMPDIR/wb-bench-samples by size and seed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeFlags } from '../bin/node-flags.mjs';
import { openDatabase, resolveTarget } from '../electron/core/db/index.ts';
import { expandPaths, importFiles } from '../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../electron/core/migrate/index.ts';
import { sampleFor, scratchDatabase } from './support.ts';

function peakRssMb(): number {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return Math.round(Number(m?.[1] ?? 0) / 1024);
}


interface ChildResult {
  seconds: number;
  rows: number;
  stageSeconds: number;
  phases: Record<string, number>;
  peakRssMb: number;
}

/** In a child: migrate, then import the given paths, timing the whole and each phase. */
async function child(target: string, paths: string[]): Promise<void> {
  const db = await openDatabase(resolveTarget(target), { statementTimeoutMs: 0 });
  await migrate(db, projectMigrations());
  const phases: Record<string, number> = {};
  const started = performance.now();
  const results = await importFiles(db, expandPaths(paths), {
    rejectsDir: mkdtempSync(join(tmpdir(), 'wb-bench-rejects-')),
    onPhase: (_file, phase, ms) => (phases[phase] = (phases[phase] ?? 0) + ms / 1000),
  });
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  const failed = results.filter((r) => r.error);
  if (failed.length) throw new Error(failed.map((f) => f.error).join('; '));
  const out: ChildResult = { seconds, rows: results.reduce((n, r) => n + r.rows, 0), stageSeconds: phases.stage ?? 0, phases, peakRssMb: peakRssMb() };
  process.stdout.write(JSON.stringify(out));
}

function runChild(target: string, paths: string[]): ChildResult {
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', import.meta.filename, '--child', target, ...paths], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`import child failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}


async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { jobs: { type: 'string', default: '1000000' }, server: { type: 'string' }, 'embedded-jobs': { type: 'string', default: '20000' }, child: { type: 'string' } },
  });
  if (values.child) {
    await child(values.child, positionals);
    return;
  }
  const server = values.server ?? process.env.WORKBENCH_BENCH_DATABASE_URL;
  console.log(`node ${process.version}; ${new Date().toISOString()}`);
  if (server) {
    const jobs = Number(values.jobs);
    const sample = await sampleFor(jobs);
    const jobsCsv = join(sample, 'jobs.csv');
    const psqlUrl = await scratchDatabase(server, 'wb_bench_psql');
    const header = readFileSync(jobsCsv, 'utf8').slice(0, 2000).split('\n')[0]?.split(',') ?? [];
    const plain = `create table plain_jobs (${header.map((_h, i) => `c${i} text`).join(', ')})`;
    execFileSync('psql', [psqlUrl, '-qc', plain]);
    const t0 = performance.now();
    execFileSync('psql', [psqlUrl, '-qc', `\\copy plain_jobs from '${jobsCsv}' with (format csv, header true)`]);
    const psqlSeconds = (performance.now() - t0) / 1000;
    const importUrl = await scratchDatabase(server, 'wb_bench_import');
    const result = runChild(importUrl, [jobsCsv]);
    const psqlRate = jobs / psqlSeconds;
    const stageRate = result.rows / result.stageSeconds;
    console.log(`\nserver engine, jobs.csv with ${jobs.toLocaleString('en-US')} rows`);
    console.log(`  psql \\copy into a plain text table:   ${psqlSeconds.toFixed(2)} s  (${Math.round(psqlRate).toLocaleString('en-US')} rows/s)`);
    console.log(`  workbench import, staging load:        ${result.stageSeconds.toFixed(2)} s  (${Math.round(stageRate).toLocaleString('en-US')} rows/s)  parse + validate + COPY`);
    console.log(`  workbench import, end to end:          ${result.seconds.toFixed(2)} s  phases ${Object.entries(result.phases).map(([k, v]) => `${k} ${v.toFixed(2)}s`).join(', ')}`);
    console.log(`  staging throughput / psql throughput:  ${(stageRate / psqlRate).toFixed(2)}`);
    console.log(`  peak RSS of the import process:        ${result.peakRssMb} MB`);
  } else {
    console.log('no --server / WORKBENCH_BENCH_DATABASE_URL: server part skipped');
  }
  const embeddedJobs = Number(values['embedded-jobs']);
  const sample = await sampleFor(embeddedJobs);
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-embedded-'));
  try {
    const result = runChild(join(dir, 'db'), [sample]);
    console.log(`\nembedded engine, the whole sample for ${embeddedJobs.toLocaleString('en-US')} jobs (7 files, ${result.rows.toLocaleString('en-US')} rows)`);
    console.log(`  workbench import, end to end:          ${result.seconds.toFixed(2)} s  phases ${Object.entries(result.phases).map(([k, v]) => `${k} ${v.toFixed(2)}s`).join(', ')}`);
    console.log(`  peak RSS of the import process:        ${result.peakRssMb} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
