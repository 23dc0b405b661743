/**
 * Jaro similarity (0..1): matching characters within a window of half the longer length, penalised by
 * half the number of out-of-order matches.
 *
 * @example jaro('martha', 'marhta') // 0.944…
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;

  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const matchedInB = new Uint8Array(m);
  const matchedA: number[] = [];
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const from = Math.max(0, i - window);
    const to = Math.min(m - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedInB[j] === 0 && b.charCodeAt(j) === ca) {
        matchedInB[j] = 1;
        matchedA.push(ca);
        break;
      }
    }
  }
  const matches = matchedA.length;
  if (matches === 0) return 0;

  let halfTranspositions = 0;
  let k = 0;
  for (let j = 0; j < m; j++) {
    if (matchedInB[j] === 1) {
      if (b.charCodeAt(j) !== matchedA[k]) halfTranspositions++;
      k++;
    }
  }
  const transpositions = halfTranspositions / 2;
  return (matches / n + matches / m + (matches - transpositions) / matches) / 3;
}

/** Winkler's defaults: prefix weight 0.1 over at most 4 characters, boost only above Jaro 0.7. */
export interface JaroWinklerOptions {
  prefixScale?: number;
  maxPrefix?: number;
  boostThreshold?: number;
}

/**
 * Jaro–Winkler similarity (0..1): Jaro, boosted for a common prefix, because typists rarely get the
 * first letters of a name wrong.
 *
 * @example jaroWinkler('martha', 'marhta') // 0.961…
 */
export function jaroWinkler(a: string, b: string, options: JaroWinklerOptions = {}): number {
  const { prefixScale = 0.1, maxPrefix = 4, boostThreshold = 0.7 } = options;
  const similarity = jaro(a, b);
  if (similarity <= boostThreshold) return similarity;
  let prefix = 0;
  const limit = Math.min(maxPrefix, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return similarity + prefix * prefixScale * (1 - similarity);
}
