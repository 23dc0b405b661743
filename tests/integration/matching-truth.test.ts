import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../electron/core/cli/commands/review.ts';
import { truthNames, truthScores } from '../../electron/core/matching/evaluation/truth-scores.ts';
import type { ScoredCluster, TruthScores } from '../../electron/core/matching/evaluation/truth-scores.ts';
import { generateSample } from '../../electron/core/sample/index.ts';
import { runWorkbench } from '../support/cli.ts';

// `workbench review cluster` on the sample generator's ground truth (docs/matching.md, "Ground
// truth"): pairs of distinct raw spellings, singletons make no pair. Seed and size fixed; the bench
// bench/matching/truth-quality.ts measures more of them.
const jobs = 20_000;
const seed = 1;
const dir = mkdtempSync(join(tmpdir(), 'matching-truth-'));

async function score(file: string, kind: string): Promise<TruthScores> {
  const path = join(dir, 'truth', file);
  const r = await runWorkbench(['review', 'cluster', '--input', path, '--kind', kind, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const { clusters } = JSON.parse(r.stdout) as { clusters: ScoredCluster[] };
  return truthScores(truthNames(readCsvTable(path)), clusters);
}

describe(`review cluster against the sample truth (jobs ${jobs}, seed ${seed})`, () => {
  const scores = new Map<string, TruthScores>();
  beforeAll(async () => {
    await generateSample({ outDir: dir, jobs, seed });
    const kinds = [
      ['sales-person', 'sales_person_names.csv'],
      ['branch', 'branch_names.csv'],
      ['lead-source', 'lead_source_names.csv'],
    ] as const;
    const results = await Promise.all(kinds.map(([kind, file]) => score(file, kind)));
    kinds.forEach(([kind], i) => scores.set(kind, results[i]!));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds sales people with pairwise precision ≥ 0.97 and recall ≥ 0.95', () => {
    const s = scores.get('sales-person')!;
    expect(s.names).toBeGreaterThan(300);
    expect(s.unknown).toBe(0);
    expect(s.pairwise.precision).toBeGreaterThanOrEqual(0.97);
    expect(s.pairwise.recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['sales-person', 'branch', 'lead-source'])('never merges two true %s entities automatically', (kind) => {
    const s = scores.get(kind)!;
    expect(s.clusters).toBeGreaterThan(0);
    expect(s.impureAutoMergeClusters).toBe(0);
    expect(s.impureAutoMergeGroups).toBe(0);
  });
});
