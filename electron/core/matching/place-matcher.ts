import type { Matcher } from './matcher.ts';
import { normalizePlaceName } from './normalize-place.ts';
import type { PlaceKind, PlaceName } from './normalize-place.ts';
import { comparePlaces } from './place-compare.ts';
import { rawSpellingEvidence } from './raw-evidence.ts';
import { deletionVariants } from './text.ts';

/** Longer squashed names get no deletion variants (a 60-letter name would yield 60 keys for little gain). */
const MAX_VARIANT_LENGTH = 40;
const TWO_EDIT_MIN_LENGTH = 10;

/**
 * Blocking keys of a branch or lead-source name:
 * - `d:` each one-deletion variant of the squashed letters (all one-letter typos, spacing differences)
 * - `w:` the sorted words (same words in another order)
 * - `e:` first three + last three letters, for names of 10+ letters (two-letter typos in the middle)
 * - `c:` the letters without qualifiers ("Denver Branch", "Denver, CO" and "Denver" share `c:denver`)
 *
 * @example placeBlockingKeys(normalizePlaceName('Yelp', 'lead-source')!)
 * // ['d:yelp', 'd:elp', 'd:ylp', 'd:yep', 'd:yel', 'w:yelp', 'c:yelp']
 */
export function placeBlockingKeys(name: PlaceName): string[] {
  const keys = new Set<string>();
  const variants = name.squashed.length <= MAX_VARIANT_LENGTH ? deletionVariants(name.squashed) : [name.squashed];
  for (const variant of variants) keys.add(`d:${variant}`);
  keys.add(`w:${[...name.tokens].sort().join(' ')}`);
  if (name.squashed.length >= TWO_EDIT_MIN_LENGTH) keys.add(`e:${name.squashed.slice(0, 3)}|${name.squashed.slice(-3)}`);
  keys.add(`c:${name.core}`);
  return [...keys];
}

/** Rules for branch and lead-source names: no nicknames and no initials. */
export function placeMatcher(kind: PlaceKind, abbreviations: Readonly<Record<string, string>> = {}): Matcher<PlaceName> {
  return {
    normalize: (raw) => normalizePlaceName(raw, kind, abbreviations),
    role: () => 'link',
    blockingKeys: placeBlockingKeys,
    compare: comparePlaces,
    attach: () => [],
    sameKeyEvidence: (spelling, reference, display) =>
      rawSpellingEvidence(spelling.raw, placeNotes(spelling), display, reference ? placeNotes(reference) : []),
    sameKeyWarning: () => null,
    canonicalRank: () => 0,
  };
}

function placeNotes(name: PlaceName): string[] {
  const notes: string[] = [];
  if (name.notes.ampersand) notes.push('"&" written as "and"');
  notes.push(...name.notes.expansions);
  if (name.notes.webAddress) notes.push('web address reduced to its name');
  for (const word of name.notes.droppedWords) notes.push(`legal form ${word} dropped`);
  return notes;
}
