/**
 * The full pipeline on imported samples: time of each step on the server at two sizes (the ratio of
 * the totals shows whether the work grows linearly), and on the embedded engine at the default size.
 *
 *   npx tsx bench/pipeline.ts [--server postgres://…] [--sizes 100000,1000000] [--embedded-jobs 20000] [--keep-imports]
 *
 * Samples are cached under $TMPDIR/wb-bench-samples; each size gets a fresh database. With
 * --keep-imports the server's imported samples are kept as databases `wb_bench_import_<jobs>` and
 * later runs copy them (CREATE DATABASE … TEMPLATE) instead of importing again.
 *
 * Each step's time is its transaction; "wall" adds the VACUUM (ANALYZE) of the tables it changed,
 * which the runner does after each commit but the last; "vacuum at the end" is the full VACUUM of
 * every changed table that ends a run. The total is the wall time of the whole run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, resolveTarget } from '../electron/core/db/index.ts';
import type { Database } from '../electron/core/db/index.ts';
import { expandPaths, importFiles } from '../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../electron/core/migrate/index.ts';
import { sampleFor, scratchDatabase, timePipeline } from './support.ts';
import { orderSteps, pipelineSteps } from '../electron/core/pipeline/index.ts';



async function importInto(db: Database, jobs: number): Promise<number> {
  await migrate(db, projectMigrations());
  const importStarted = performance.now();
  await importFiles(db, expandPaths([await sampleFor(jobs)]), { rejectsDir: mkdtempSync(join(tmpdir(), 'wb-bench-rejects-')) });
  return (performance.now() - importStarted) / 1000;
}

async function measure(label: string, target: string, jobs: number, imported: boolean): Promise<number> {
  const db = await openDatabase(resolveTarget(target), { statementTimeoutMs: 0 });
  try {
    const importNote = imported ? 'copied from an imported template' : `import took ${(await importInto(db, jobs)).toFixed(1)} s`;
    console.log(`\n${label}, ${jobs.toLocaleString('en-US')} jobs (${importNote})`);
    return await timePipeline(db, orderSteps(pipelineSteps, []));
  } finally {
    await db.close();
  }
}

/** A server database holding the imported sample of `jobs`: a copy of the kept import, or a fresh import. */
async function serverDatabase(server: string, jobs: number, keep: boolean): Promise<{ url: string; imported: boolean }> {
  const name = `wb_bench_pipeline_${jobs}`;
  if (!keep) return { url: await scratchDatabase(server, name), imported: false };
  const template = `wb_bench_import_${jobs}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (found.rowCount === 0) {
      process.stderr.write(`importing ${jobs} jobs into ${template} (kept for later runs)…\n`);
      const url = await scratchDatabase(server, template);
      const db = await openDatabase(resolveTarget(url), { statementTimeoutMs: 0 });
      try {
        process.stderr.write(`  import took ${(await importInto(db, jobs)).toFixed(1)} s\n`);
      } finally {
        await db.close();
      }
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), imported: true };
}

const { values } = parseArgs({ options: { server: { type: 'string' }, 'keep-imports': { type: 'boolean', default: false }, sizes: { type: 'string', default: '100000,1000000' }, 'embedded-jobs': { type: 'string', default: '20000' } } });
console.log(`node ${process.version}; ${new Date().toISOString()}; steps: ${orderSteps(pipelineSteps, []).map((s) => s.name).join(', ')}`);
const server = values.server ?? process.env.WORKBENCH_BENCH_DATABASE_URL;
if (server) {
  const sizes = values.sizes.split(',').map(Number);
  const totals: number[] = [];
  for (const jobs of sizes) {
    const { url, imported } = await serverDatabase(server, jobs, values['keep-imports']);
    totals.push(await measure('server engine', url, jobs, imported));
  }
  if (totals.length === 2 && totals[0]) console.log(`\nratio of totals (${sizes[1]} / ${sizes[0]} jobs): ${((totals[1] ?? 0) / totals[0]).toFixed(1)}`);
}
const dir = mkdtempSync(join(tmpdir(), 'wb-bench-pipeline-'));
try {
  await measure('embedded engine', join(dir, 'db'), Number(values['embedded-jobs']), false);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
