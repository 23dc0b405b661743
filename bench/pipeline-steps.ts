/**
 * The pipeline (or some of its steps) on a database that is already imported: time of each step and
 * the wall time including the runner's vacuums. For side-by-side runs of two trees on copies of one
 * import (docs/benchmarks.md, "The pipelines").
 *
 *   npx tsx bench/pipeline-steps.ts postgres://…/db [STEP…]
 */
import { openDatabase, resolveTarget } from '../electron/core/db/index.ts';
import { orderSteps, pipelineSteps } from '../electron/core/pipeline/index.ts';
import { timePipeline } from './support.ts';

const [target, ...names] = process.argv.slice(2);
if (!target) {
  console.error('usage: npx tsx bench/pipeline-steps.ts DATABASE [STEP…]');
  process.exit(2);
}
const db = await openDatabase(resolveTarget(target), { statementTimeoutMs: 0 });
try {
  await timePipeline(db, orderSteps(pipelineSteps, names));
} finally {
  await db.close();
}
