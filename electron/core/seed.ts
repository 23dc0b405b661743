import { join } from 'node:path';
import { expandPaths, importFiles } from './import/index.ts';
import { orderSteps, pipelineSteps, runPipeline, totalChanges } from './pipeline/index.ts';
import { DEFAULT_JOBS, generateSample } from './sample/index.ts';
import type { Database } from './db/index.ts';

/**
 * The embedded default: a newcomer's first start fills the new database with the default sample and
 * runs the pipelines, so every screen has data without a server or a file of their own. Later starts
 * find the import batches and do nothing.
 */
export async function seedDefaultSample(db: Database, home: string, onProgress: (message: string) => void): Promise<boolean> {
  const batches = await db.read('select count(*) from import_batch');
  if (Number(batches.rows[0]?.[0]) > 0) return false;
  const started = performance.now();
  const dir = join(home, 'sample');
  onProgress(`first start: generating the sample CRM exports (${DEFAULT_JOBS.toLocaleString('en-US')} jobs) in ${dir}`);
  await generateSample({ outDir: dir, jobs: DEFAULT_JOBS, seed: 1 });
  const results = await importFiles(db, expandPaths([dir]), {
    rejectsDir: join(home, 'rejects'),
    onProgress: (p) => {
      if (p.rows % 50_000 === 0) onProgress(`importing ${p.file}: ${p.rows.toLocaleString('en-US')} rows`);
    },
  });
  for (const r of results) {
    onProgress(r.error ? `import of ${r.file} failed: ${r.error}` : `imported ${r.file}: ${r.imported.toLocaleString('en-US')} rows (${r.rejected} rejected)`);
  }

  onProgress(`sample imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/**
 * Runs every pipeline that exists over the freshly seeded sample. The app starts it in the background
 * once the UI is being served: the raw data is browsable at once, and lookups, links and customers
 * fill in within the next minute or two (each step commits on its own; progress is reported).
 * `run` lets the app track it as the contract's pipeline work (its progress events).
 */
export async function runSeedPipelines(db: Database, onProgress: (message: string) => void, run: typeof runPipeline = runPipeline): Promise<void> {
  // Also resumes a first start that was stopped before its pipelines completed.
  const done = await db.read(`select count(*) from pipeline_run where status = 'completed'`);
  if (Number(done.rows[0]?.[0]) > 0) return;
  const started = performance.now();
  const reports = await run(db, orderSteps(pipelineSteps, []), { onProgress });
  for (const r of reports) onProgress(`pipeline ${r.step}: ${totalChanges(r).toLocaleString('en-US')} changes in ${(r.durationMs / 1000).toFixed(1)} s`);
  onProgress(`sample ready: pipelines finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
