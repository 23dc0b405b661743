import { collapseSpaces, foldText } from './text.ts';

/**
 * Why a raw spelling reads as the display spelling of its form, for the reviewer: the normalization
 * steps taken for one and not the other (annotation removed, abbreviation expanded…) or, failing
 * those, the kind of difference that remains. `displayNotes` are the steps taken for the display
 * spelling (none when the normalizer built it).
 *
 * @example rawSpellingEvidence('JOHN  SMITH', [], 'John Smith', []) // ['case/spacing only']
 * @example rawSpellingEvidence('Mike Jones (Denver)', ['branch annotation removed (Denver)'], 'Mike Jones', [])
 * // ['branch annotation removed (Denver)']
 */
export function rawSpellingEvidence(
  raw: string,
  notes: readonly string[],
  display: string,
  displayNotes: readonly string[],
): string[] {
  const simplified = (text: string): string => collapseSpaces(text).toLowerCase();
  if (simplified(raw) === simplified(display)) return ['case/spacing only'];
  const differing = [...notes.filter((n) => !displayNotes.includes(n)), ...displayNotes.filter((n) => !notes.includes(n))];
  if (differing.length > 0) return [...new Set(differing)];
  if (simplified(foldText(raw)) === simplified(foldText(display))) return ['accents only'];
  return ['punctuation/spacing only'];
}
