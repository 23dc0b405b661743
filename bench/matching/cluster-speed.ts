/**
 * Time clusterNames on 20,000 distinct synthetic sales-person spellings.
 * Run: npx tsx bench/matching/cluster-speed.ts [count] [runs]
 */
import { fileURLToPath } from 'node:url';
import { clusterNames } from '../../electron/core/matching/index.ts';
import { loadNicknames } from '../../electron/core/matching/nickname-loader.ts';
import { syntheticSalesPeople } from '../../electron/core/matching/fixtures/synthetic-names.ts';

const count = Number(process.argv[2] ?? 20_000);
const runs = Number(process.argv[3] ?? 5);
const nicknames = loadNicknames(fileURLToPath(new URL('../../resources/nicknames/names.csv', import.meta.url)));
const names = syntheticSalesPeople(count);

const timings: number[] = [];
let clusters = 0;
let autoMerge = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const result = clusterNames(names, { kind: 'sales-person', nicknames });
  timings.push(performance.now() - started);
  clusters = result.length;
  autoMerge = result.filter((c) => c.autoMerge).length;
}
const sorted = [...timings].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(`names: ${names.length} distinct spellings, clusters: ${clusters} (${autoMerge} auto-merge)`);
console.log(`runs: ${timings.map((t) => t.toFixed(0)).join(', ')} ms`);
console.log(`first run (cold): ${timings[0]!.toFixed(0)} ms, median: ${median.toFixed(0)} ms, best: ${sorted[0]!.toFixed(0)} ms`);
