/**
 * Pairwise precision / recall of `workbench review cluster` against the sample generator's ground
 * truth (truth/sales_person_names.csv, branch_names.csv, lead_source_names.csv), for several sizes
 * and seeds, plus the auto-merge purity check (clusters with autoMerge true must hold one entity).
 * Run: npx tsx bench/matching/truth-quality.ts [jobs:seed …]   (default 20000:1 20000:2 20000:3 100000:1)
 *
 * The names go through the same functions as the command (readCsvTable → namesFromTable →
 * reviewClusters): every raw spelling once with count 1, as the truth files carry no counts.
 * Pairs are pairs of distinct raw spellings; a spelling in no cluster is a singleton (it makes no
 * predicted pair, and its true pairs count as missed). See docs/matching.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { namesFromTable, readCsvTable, reviewClusters } from '../../electron/core/cli/commands/review.ts';
import { truthNames, truthScores } from '../../electron/core/matching/evaluation/truth-scores.ts';
import type { TruthScores } from '../../electron/core/matching/evaluation/truth-scores.ts';
import type { NameKind } from '../../electron/core/matching/index.ts';
import { generateSample } from '../../electron/core/sample/index.ts';

const truthFiles: readonly [NameKind, string][] = [
  ['sales-person', 'sales_person_names.csv'],
  ['branch', 'branch_names.csv'],
  ['lead-source', 'lead_source_names.csv'],
];

const runs = (process.argv.length > 2 ? process.argv.slice(2) : ['20000:1', '20000:2', '20000:3', '100000:1']).map((arg) => {
  const [jobs, seed] = arg.split(':').map(Number);
  if (!Number.isInteger(jobs) || !Number.isInteger(seed)) throw new Error(`expected jobs:seed, got ${arg}`);
  return { jobs: jobs!, seed: seed! };
});

const percent = (x: number): string => `${(100 * x).toFixed(2)}%`.padStart(8);

/** Scores one truth file exactly as the CLI would cluster it. */
function scoreTruthFile(path: string, kind: NameKind): TruthScores {
  const table = readCsvTable(path);
  return truthScores(truthNames(table), reviewClusters(namesFromTable(table, path), kind));
}

console.log(`${new Date().toISOString()}  Node ${process.version}`);
console.log(
  `${'jobs'.padStart(7)} ${'seed'.padStart(4)}  ${'kind'.padEnd(12)} ${'names'.padStart(5)} ${'ids'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(8)}  ` +
    `${'clusters'.padStart(8)} ${'auto'.padStart(4)} ${'impure auto'.padStart(11)} ${'impure review'.padStart(13)}  pairs`,
);
const dir = mkdtempSync(join(tmpdir(), 'truth-quality-'));
try {
  for (const { jobs, seed } of runs) {
    const outDir = join(dir, `${jobs}-${seed}`);
    await generateSample({ outDir, jobs, seed });
    for (const [kind, file] of truthFiles) {
      const s = scoreTruthFile(join(outDir, 'truth', file), kind);
      const p = s.pairwise;
      console.log(
        `${String(jobs).padStart(7)} ${String(seed).padStart(4)}  ${kind.padEnd(12)} ${String(s.names).padStart(5)} ${String(s.entities).padStart(4)} ` +
          `${percent(p.precision).padStart(9)} ${percent(p.recall)}  ${String(s.clusters).padStart(8)} ${String(s.autoMergeClusters).padStart(4)} ` +
          `${String(s.impureAutoMergeClusters + s.impureAutoMergeGroups).padStart(11)} ${String(s.impureClusters).padStart(13)}  ` +
          `${p.truePositives}/${p.predictedPairs} predicted, ${p.truePairs} true`,
      );
    }
    rmSync(outDir, { recursive: true, force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
