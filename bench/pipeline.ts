/**
 * The full pipeline on imported samples: time of each step on the server at two sizes (the ratio of
 * the totals shows whether the work grows linearly), and on the embedded engine at the default size.
 *
 *   npx tsx bench/pipeline.ts [--server postgres://…] [--sizes 100000,1000000] [--embedded-jobs 20000]
 *
 * Samples are cached under $TMPDIR/wb-bench-samples; each size gets a fresh database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, resolveTarget } from '../electron/core/db/index.ts';
import { expandPaths, importFiles } from '../electron/core/import/index.ts';
import { migrate, projectMigrations } from '../electron/core/migrate/index.ts';
import { sampleFor, scratchDatabase } from './support.ts';
import { orderSteps, pipelineSteps, runPipeline } from '../electron/core/pipeline/index.ts';



async function measure(label: string, target: string, jobs: number): Promise<number> {
  const db = await openDatabase(resolveTarget(target), { statementTimeoutMs: 0 });
  try {
    await migrate(db, projectMigrations());
    const importStarted = performance.now();
    await importFiles(db, expandPaths([await sampleFor(jobs)]), { rejectsDir: mkdtempSync(join(tmpdir(), 'wb-bench-rejects-')) });
    const importSeconds = (performance.now() - importStarted) / 1000;
    const reports = await runPipeline(db, orderSteps(pipelineSteps, []));
    const total = reports.reduce((n, r) => n + r.durationMs, 0) / 1000;
    console.log(`\n${label}, ${jobs.toLocaleString('en-US')} jobs (import took ${importSeconds.toFixed(1)} s)`);
    for (const r of reports) console.log(`  ${r.step.padEnd(20)} ${(r.durationMs / 1000).toFixed(2).padStart(8)} s`);
    console.log(`  ${'total'.padEnd(20)} ${total.toFixed(2).padStart(8)} s`);
    return total;
  } finally {
    await db.close();
  }
}

const { values } = parseArgs({ options: { server: { type: 'string' }, sizes: { type: 'string', default: '100000,1000000' }, 'embedded-jobs': { type: 'string', default: '20000' } } });
console.log(`node ${process.version}; ${new Date().toISOString()}; steps: ${orderSteps(pipelineSteps, []).map((s) => s.name).join(', ')}`);
const server = values.server ?? process.env.WORKBENCH_BENCH_DATABASE_URL;
if (server) {
  const sizes = values.sizes.split(',').map(Number);
  const totals: number[] = [];
  for (const jobs of sizes) totals.push(await measure('server engine', await scratchDatabase(server, `wb_bench_pipeline_${jobs}`), jobs));
  if (totals.length === 2 && totals[0]) console.log(`\nratio of totals (${sizes[1]} / ${sizes[0]} jobs): ${((totals[1] ?? 0) / totals[0]).toFixed(1)}`);
}
const dir = mkdtempSync(join(tmpdir(), 'wb-bench-pipeline-'));
try {
  await measure('embedded engine', join(dir, 'db'), Number(values['embedded-jobs']));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
