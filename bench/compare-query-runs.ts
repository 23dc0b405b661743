/**
 * Compares two saved outputs of bench/queries.ts on the server (a base database and a variant of it):
 * psql's time for each query in both, the whole library's total, the median per-query ratio over the
 * queries of 50 ms or more in the base, the largest ratios, and the queries that failed (a statement
 * timeout) in either.
 *
 *   npx tsx bench/queries.ts --database-url postgres://…/base --no-embedded > base.log
 *   npx tsx bench/queries.ts --database-url postgres://…/variant --no-embedded > variant.log
 *   npx tsx bench/compare-query-runs.ts base.log variant.log
 */
import { readFileSync } from 'node:fs';
import { median } from './support.ts';

/**
 * psql's median ms per query, from the progress lines `  slug… 12.3 ms (psql 11.9 ms)`, and the
 * queries that failed (`  slug… failed: …`).
 */
function psqlTimes(path: string): { times: Map<string, number>; failed: Map<string, string> } {
  const times = new Map<string, number>();
  const failed = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const timed = /^\s+(\S+)… [\d.]+ ms \(psql ([\d.]+) ms\)$/.exec(line);
    if (timed) times.set(timed[1]!, Number(timed[2]));
    const failure = /^\s+(\S+)… failed: (.*)$/.exec(line);
    if (failure) failed.set(failure[1]!, failure[2]!);
  }
  return { times, failed };
}

const [basePath, variantPath] = process.argv.slice(2);
if (!basePath || !variantPath) {
  console.error('usage: npx tsx bench/compare-query-runs.ts BASE.log VARIANT.log');
  process.exit(2);
}
const { times: base, failed: baseFailed } = psqlTimes(basePath);
const { times: variant, failed: variantFailed } = psqlTimes(variantPath);
const both = [...base.keys()].filter((slug) => variant.has(slug));
const total = (times: Map<string, number>) => both.reduce((sum, slug) => sum + times.get(slug)!, 0);
const ratios = both
  .filter((slug) => base.get(slug)! >= 50)
  .map((slug) => ({ slug, ratio: variant.get(slug)! / base.get(slug)!, base: base.get(slug)!, variant: variant.get(slug)! }))
  .sort((a, b) => a.ratio - b.ratio);
const medianRatio = ratios.length ? median(ratios.map((r) => r.ratio)) : NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`queries in both: ${both.length}`);
console.log(`whole library, psql: base ${ms(total(base))}, variant ${ms(total(variant))}, variant ÷ base ${(total(variant) / total(base)).toFixed(2)}`);
console.log(`median variant ÷ base over the ${ratios.length} queries of 50 ms or more in the base: ${medianRatio.toFixed(2)}`);
console.log('largest ratios:');
for (const r of ratios.slice(-10).reverse()) console.log(`  ${r.slug.padEnd(45)} ${r.ratio.toFixed(2).padStart(6)}  (${ms(r.base)} → ${ms(r.variant)})`);
for (const [which, failed, other] of [['base', baseFailed, variant], ['variant', variantFailed, base]] as const) {
  for (const [slug, error] of failed) console.log(`failed in the ${which}: ${slug} (${error}); ${other.has(slug) ? `${ms(other.get(slug)!)} in the other` : 'failed in both'}`);
}
