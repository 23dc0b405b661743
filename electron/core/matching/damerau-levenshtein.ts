/** Scratch space reused between calls (the engine is single-threaded); grown on demand. */
let table = new Int32Array(0);
/** Last row in which each ASCII character was seen; other characters go to a Map. */
const lastRowAscii = new Int32Array(128);

/**
 * Unrestricted Damerau–Levenshtein distance (Lowrance–Wagner): the least number of single-character
 * insertions, deletions, substitutions and transpositions of two adjacent characters that turn `a`
 * into `b`. Unlike the "optimal string alignment" variant, a transposed pair may be edited again,
 * so `damerauLevenshtein('ca', 'abc') === 2` (OSA would say 3).
 *
 * Works on UTF-16 code units; callers pass normalized, accent-folded names.
 *
 * @example damerauLevenshtein('jhon', 'john') // 1 (one transposition)
 */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if (a === b) return 0;

  const infinity = n + m;
  const width = m + 2;
  const cells = (n + 2) * width;
  if (table.length < cells) table = new Int32Array(Math.max(cells, table.length * 2));
  const d = table;
  // d[(i + 1) * width + (j + 1)] is the distance between a[0..i) and b[0..j); row/column 0 hold infinity.
  d[0] = infinity;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * width] = infinity;
    d[(i + 1) * width + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = infinity;
    d[width + j + 1] = j;
  }

  lastRowAscii.fill(0);
  let lastRowOther: Map<number, number> | null = null;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    let lastMatchColumn = 0;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const i1 = cb < 128 ? lastRowAscii[cb]! : (lastRowOther?.get(cb) ?? 0);
      const j1 = lastMatchColumn;
      let cost = 1;
      if (ca === cb) {
        cost = 0;
        lastMatchColumn = j;
      }
      const substitution = d[i * width + j]! + cost;
      const insertion = d[(i + 1) * width + j]! + 1;
      const deletion = d[i * width + j + 1]! + 1;
      const transposition = d[i1 * width + j1]! + (i - i1 - 1) + 1 + (j - j1 - 1);
      d[(i + 1) * width + j + 1] = Math.min(substitution, insertion, deletion, transposition);
    }
    if (ca < 128) lastRowAscii[ca] = i;
    else (lastRowOther ??= new Map()).set(ca, i);
  }
  return d[(n + 1) * width + m + 1]!;
}
