import { adjustScore, countAdjustment } from './count-evidence.ts';
import type { FormView, PairVerdict } from './matcher.ts';
import type { PlaceName } from './normalize-place.ts';
import { compareSpelling } from './spelling.ts';
import { PLACE_FACTOR } from './thresholds.ts';

const DIRECTIONS = new Set([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'central', 'upper', 'lower', 'inner', 'outer', 'downtown', 'uptown', 'midtown', 'old', 'new',
]);

/**
 * Score two branch or lead-source forms. Numbers, directions, one-letter words and states must agree
 * ("Denver East" / "Denver West" is one letter apart and two branches); otherwise qualifiers
 * ("Denver Branch", "Denver, CO"), spacing, word order and a one- or two-letter typo over the whole
 * name are the evidence.
 *
 * @example comparePlaces(view('Home Advisor'), view('HomeAdvsor'))
 * // { score: 0.85, evidence: ['one letter missing (Home Advisor ~ HomeAdvsor)'], conflict: false }
 */
export function comparePlaces(a: FormView<PlaceName>, b: FormView<PlaceName>): PairVerdict {
  const x = a.name;
  const y = b.name;
  const discriminatorsA = placeDiscriminators(x.tokens);
  const discriminatorsB = placeDiscriminators(y.tokens);
  if (discriminatorsA !== discriminatorsB) {
    return { score: 0, conflict: true, evidence: [`different numbers or directions (${a.label} / ${b.label})`] };
  }
  if (x.state !== null && y.state !== null && x.state !== y.state) {
    return { score: 0, conflict: true, evidence: [`different states (${a.label} / ${b.label})`] };
  }
  if (x.core === y.core && x.squashed !== y.squashed) {
    const words = [...new Set([...x.qualifiers, ...y.qualifiers].filter((q) => !(x.qualifiers.includes(q) && y.qualifiers.includes(q))))];
    return { score: PLACE_FACTOR.qualifierOnOneSide, conflict: false, evidence: [`differs only by ${words.join(', ')} (${a.label} ~ ${b.label})`] };
  }
  if (x.squashed === y.squashed) {
    return { score: PLACE_FACTOR.sameLettersDifferentSpacing, conflict: false, evidence: ['same letters, spacing differs'] };
  }
  // The shipped lists tie both to one place ("DEN" and "Denver"), but the folding stage kept them apart.
  const shared = x.references.filter((r) => y.references.includes(r));
  if (shared.length > 0) {
    return { score: PLACE_FACTOR.sharedReference, conflict: false, evidence: [`both name ${shared.join(' / ')} (${a.label} ~ ${b.label})`] };
  }
  const sortedX = [...x.tokens].sort().join('');
  const sortedY = [...y.tokens].sort().join('');
  if (sortedX === sortedY) {
    return { score: PLACE_FACTOR.sameWordsReordered, conflict: false, evidence: ['same words, different order'] };
  }
  if (Math.min(x.squashed.length, y.squashed.length) < PLACE_FACTOR.typoMinLength) {
    return { score: 0, conflict: false, evidence: [] };
  }
  const labels = [a.label, b.label] as const;
  let spelling = compareSpelling(x.squashed, y.squashed, labels);
  let evidence = spelling.evidence === null ? [] : [spelling.evidence];
  // Reordered words with a typo ("Collins Fort" / "Fort Colins"): compare the sorted words.
  const reordered = compareSpelling(sortedX, sortedY, labels);
  if (reordered.evidence !== null && reordered.factor * PLACE_FACTOR.sameWordsReordered > spelling.factor) {
    spelling = { ...reordered, factor: reordered.factor * PLACE_FACTOR.sameWordsReordered };
    evidence = ['words in a different order', reordered.evidence];
  }
  if (spelling.kind === 'different' || evidence.length === 0) return { score: 0, conflict: false, evidence: [] };
  const counts = countAdjustment(a, b);
  return {
    score: adjustScore(spelling.factor, counts.delta),
    conflict: false,
    evidence: counts.evidence === null ? evidence : [...evidence, counts.evidence],
  };
}

/** Sorted numbers, directions and one-letter words: "12|east". */
export function placeDiscriminators(tokens: readonly string[]): string {
  return tokens
    .filter((token) => /\d/.test(token) || DIRECTIONS.has(token) || token.length === 1)
    .sort()
    .join('|');
}
