/**
 * The pipeline (or some of its steps) on a database that is already imported: time of each step and
 * the wall time including the runner's vacuums. For side-by-side runs of two trees on copies of one
 * import (docs/benchmarks.md, "The pipelines").
 *
 *   npx tsx bench/pipeline-steps.ts postgres://…/db [STEP…]
 */
import { openDatabase, resolveTarget } from '../electron/core/db/index.ts';
import { orderSteps, pipelineSteps, runPipeline } from '../electron/core/pipeline/index.ts';

const [target, ...names] = process.argv.slice(2);
if (!target) {
  console.error('usage: npx tsx bench/pipeline-steps.ts DATABASE [STEP…]');
  process.exit(2);
}
const db = await openDatabase(resolveTarget(target), { statementTimeoutMs: 0 });
try {
  const started = performance.now();
  let last = started;
  console.log(`  ${'step'.padEnd(20)} ${'step s'.padStart(8)} ${'wall s'.padStart(8)}`);
  await runPipeline(db, orderSteps(pipelineSteps, names), {
    onStep: (r) => {
      const now = performance.now();
      console.log(`  ${r.step.padEnd(20)} ${(r.durationMs / 1000).toFixed(2).padStart(8)} ${((now - last) / 1000).toFixed(2).padStart(8)}`);
      last = now;
    },
  });
  const now = performance.now();
  console.log(`  ${'vacuum at the end'.padEnd(20)} ${''.padStart(8)} ${((now - last) / 1000).toFixed(2).padStart(8)}`);
  console.log(`  ${'total'.padEnd(20)} ${''.padStart(8)} ${((now - started) / 1000).toFixed(2).padStart(8)}`);
} finally {
  await db.close();
}
