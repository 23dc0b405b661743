import { damerauLevenshtein } from './damerau-levenshtein.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import { label } from './text.ts';
import { SPELLING_FACTOR } from './thresholds.ts';

export type SpellingKind =
  | 'equal'
  | 'transposition'
  | 'missing-letter'
  | 'substitution'
  | 'vowel-substitution'
  | 'two-edits'
  | 'different';

/**
 * How two spellings of one name part differ, with the factor it contributes to a pair score and a
 * sentence for the reviewer.
 *
 * @example compareSpelling('jhon', 'john')
 * // { kind: 'transposition', factor: 0.9, evidence: 'one letter transposed (Jhon ~ John)' }
 */
export interface SpellingRelation {
  kind: SpellingKind;
  factor: number;
  evidence: string | null;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * @example compareSpelling('nuck', 'nick', undefined, { slip: true })
 * // { kind: 'substitution', factor: 0.8, evidence: 'one letter changed, next key on the keyboard (Nuck ~ Nick)' }
 */
export interface SpellingOptions {
  /**
   * One of the two is known not to be a real name (the caller checked a list of given names), so the
   * difference is a slip: a vowel change or a short word is then no reason to doubt it.
   */
  slip?: boolean;
}

/** `labels` replace the compared strings in the evidence (whole place names instead of squashed letters). */
export function compareSpelling(a: string, b: string, labels?: readonly [string, string], options: SpellingOptions = {}): SpellingRelation {
  if (a === b) return { kind: 'equal', factor: 1, evidence: null };
  const pair = labels ? `${labels[0]} ~ ${labels[1]}` : `${label(a)} ~ ${label(b)}`;
  const shorter = Math.min(a.length, b.length);
  const shortPenalty = shorter <= SPELLING_FACTOR.shortWordMaxLength && !options.slip ? SPELLING_FACTOR.shortWord : 1;
  const shortNote = shortPenalty < 1 ? ', short name' : '';
  if (Math.abs(a.length - b.length) > 2) return different();

  const distance = damerauLevenshtein(a, b);
  if (distance === 1) {
    const edit = classifySingleEdit(a, b);
    const { kind, factor, text } =
      edit.kind === 'vowel-substitution' && options.slip ? { kind: 'substitution' as const, factor: SPELLING_FACTOR.substitution, text: 'one letter changed' } : edit;
    return { kind, factor: factor * shortPenalty, evidence: `${text} (${pair}${shortNote})` };
  }
  if (
    distance === 2 &&
    shorter >= SPELLING_FACTOR.twoEditsMinLength &&
    jaroWinkler(a, b) >= SPELLING_FACTOR.twoEditsMinJaroWinkler
  ) {
    return { kind: 'two-edits', factor: SPELLING_FACTOR.twoEdits, evidence: `two letters differ (${pair})` };
  }
  return different();
}

function different(): SpellingRelation {
  return { kind: 'different', factor: 0, evidence: null };
}

function classifySingleEdit(a: string, b: string): { kind: SpellingKind; factor: number; text: string } {
  if (a.length !== b.length) {
    const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < shorter.length && longer[i] === shorter[i]) i++;
    const extra = longer[i];
    const doubled = extra !== undefined && (longer[i - 1] === extra || longer[i + 1] === extra);
    return {
      kind: 'missing-letter',
      factor: SPELLING_FACTOR.missingLetter,
      text: doubled ? 'doubled letter' : 'one letter missing',
    };
  }
  let i = 0;
  while (a[i] === b[i]) i++;
  if (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) {
    return { kind: 'transposition', factor: SPELLING_FACTOR.transposition, text: 'one letter transposed' };
  }
  // A neighbouring key is the commonest typing slip, vowels included (Lewis / Lewos, Nick / Nuck);
  // the vowel doubt below is for sound-alike names, whose vowels are not neighbours (Smith / Smyth).
  if (keyboardNeighbours(a[i] ?? '', b[i] ?? '')) {
    return { kind: 'substitution', factor: SPELLING_FACTOR.substitution, text: 'one letter changed, next key on the keyboard' };
  }
  if (VOWELS.has(a[i] ?? '') && VOWELS.has(b[i] ?? '')) {
    return {
      kind: 'vowel-substitution',
      factor: SPELLING_FACTOR.vowelSubstitution,
      text: 'one vowel changed, may be a different name',
    };
  }
  return { kind: 'substitution', factor: SPELLING_FACTOR.substitution, text: 'one letter changed' };
}

/** QWERTY rows with their horizontal stagger, in key widths. */
const KEY_ROWS: readonly (readonly [string, number])[] = [
  ['qwertyuiop', 0],
  ['asdfghjkl', 0.25],
  ['zxcvbnm', 0.75],
];
const KEY_POSITIONS: ReadonlyMap<string, readonly [row: number, x: number]> = new Map(
  KEY_ROWS.flatMap(([keys, offset], row) => [...keys].map((key, i) => [key, [row, i + offset] as const] as const)),
);

/** Keys that touch on a QWERTY keyboard, in the same row or diagonally: e ~ r, e ~ d, i ~ o; not e ~ f. */
export function keyboardNeighbours(a: string, b: string): boolean {
  const p = KEY_POSITIONS.get(a);
  const q = KEY_POSITIONS.get(b);
  if (p === undefined || q === undefined || a === b) return false;
  const rows = Math.abs(p[0] - q[0]);
  const dx = Math.abs(p[1] - q[1]);
  return rows === 0 ? dx === 1 : rows === 1 && dx < 1;
}
