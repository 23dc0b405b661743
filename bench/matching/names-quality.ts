/**
 * Pairwise precision / recall / F1 of the matching engine against an OpenRefine-style fingerprint
 * baseline on the public name benchmarks in /work/shared/benchmarks/names (see its SOURCE.md).
 * Run: npx tsx bench/matching/names-quality.ts [benchmark-folder]
 *
 * A record's name is "first_name surname"; records with both blank are left out. Truth is the
 * dataset's cluster column (fake_1000) or the N of rec-N-org / rec-N-dup-K (FEBRL).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterNames, normalizePersonName } from '../../electron/core/matching/index.ts';
import { loadNicknames } from '../../electron/core/matching/nickname-loader.ts';
import { fingerprintKey } from '../../electron/core/matching/evaluation/fingerprint.ts';
import { pairwiseScores } from '../../electron/core/matching/evaluation/pairwise.ts';
import type { PairwiseScores } from '../../electron/core/matching/evaluation/pairwise.ts';

interface NamedRecord {
  name: string;
  truth: string;
}

const folder = process.argv[2] ?? '/work/shared/benchmarks/names';
const nicknames = loadNicknames(fileURLToPath(new URL('../../resources/nicknames/names.csv', import.meta.url)));

function readRecords(file: string, separator: string, pick: (fields: string[]) => NamedRecord): NamedRecord[] {
  const [header, ...lines] = readFileSync(join(folder, file), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header === undefined) throw new Error(`${file} is empty`);
  return lines.map((line) => pick(line.split(separator).map((field) => field.trim()))).filter((r) => r.name !== '');
}

const datasets: { name: string; records: NamedRecord[] }[] = [
  {
    name: 'fake_1000',
    // unique_id,first_name,surname,dob,city,email,cluster
    records: readRecords('fake_1000.csv', ',', (f) => ({ name: `${f[1] ?? ''} ${f[2] ?? ''}`.trim(), truth: f[6] ?? '' })),
  },
  {
    name: 'febrl_dataset3',
    // rec_id, given_name, surname, …
    records: readRecords('febrl_dataset3.csv', ', ', (f) => ({
      name: `${f[1] ?? ''} ${f[2] ?? ''}`.trim(),
      truth: /^rec-(\d+)-/.exec(f[0] ?? '')?.[1] ?? (f[0] ?? ''),
    })),
  },
];

function engineScores(records: readonly NamedRecord[]): PairwiseScores {
  const rows = new Map<string, number>();
  for (const r of records) rows.set(r.name, (rows.get(r.name) ?? 0) + 1);
  const clusters = clusterNames([...rows].map(([name, count]) => ({ name, count })), { kind: 'sales-person', nicknames });
  const clusterOf = new Map<string, string>();
  clusters.forEach((cluster, index) => {
    for (const member of cluster.members) clusterOf.set(member.name, `cluster ${index}`);
  });
  return pairwiseScores(records.map((r) => ({ predicted: clusterOf.get(r.name) ?? `name ${r.name}`, truth: r.truth })));
}

function keyScores(records: readonly NamedRecord[], key: (name: string) => string): PairwiseScores {
  return pairwiseScores(records.map((r) => ({ predicted: key(r.name), truth: r.truth })));
}

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(7);
const row = (label: string, s: PairwiseScores): string =>
  `  ${label.padEnd(34)}${percent(s.precision)}${percent(s.recall)}${percent(s.f1)}   ${s.truePositives}/${s.predictedPairs} predicted, ${s.truePairs} true pairs`;

for (const dataset of datasets) {
  const started = performance.now();
  const engine = engineScores(dataset.records);
  const elapsed = performance.now() - started;
  console.log(`${dataset.name}: ${dataset.records.length} records with a name`);
  console.log(`  ${'method'.padEnd(34)}${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}`);
  console.log(row('fingerprint baseline (OpenRefine)', keyScores(dataset.records, fingerprintKey)));
  console.log(row('engine, auto-merge keys only', keyScores(dataset.records, (n) => normalizePersonName(n)?.key ?? n)));
  console.log(row(`engine, all clusters (${elapsed.toFixed(0)} ms)`, engine));
}
