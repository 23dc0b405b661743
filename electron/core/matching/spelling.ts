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

/** `labels` replace the compared strings in the evidence (whole place names instead of squashed letters). */
export function compareSpelling(a: string, b: string, labels?: readonly [string, string]): SpellingRelation {
  if (a === b) return { kind: 'equal', factor: 1, evidence: null };
  const pair = labels ? `${labels[0]} ~ ${labels[1]}` : `${label(a)} ~ ${label(b)}`;
  const shorter = Math.min(a.length, b.length);
  const shortPenalty = shorter <= SPELLING_FACTOR.shortWordMaxLength ? SPELLING_FACTOR.shortWord : 1;
  const shortNote = shortPenalty < 1 ? ', short name' : '';
  if (Math.abs(a.length - b.length) > 2) return different();

  const distance = damerauLevenshtein(a, b);
  if (distance === 1) {
    const { kind, factor, text } = classifySingleEdit(a, b);
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
  if (VOWELS.has(a[i] ?? '') && VOWELS.has(b[i] ?? '')) {
    return {
      kind: 'vowel-substitution',
      factor: SPELLING_FACTOR.vowelSubstitution,
      text: 'one vowel changed, may be a different name',
    };
  }
  return { kind: 'substitution', factor: SPELLING_FACTOR.substitution, text: 'one letter changed' };
}
