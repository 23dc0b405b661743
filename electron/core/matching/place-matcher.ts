import type { Matcher } from './matcher.ts';
import { normalizePlaceName } from './normalize-place.ts';
import type { PlaceKind, PlaceName } from './normalize-place.ts';
import { comparePlaces } from './place-compare.ts';
import { foldPlaces } from './place-fold.ts';
import type { PlaceFoldOptions, PlaceFolding } from './place-fold.ts';
import { rawSpellingEvidence } from './raw-evidence.ts';
import { deletionVariants } from './text.ts';
import type { NameInput } from './types.ts';

/** Longer squashed names get no deletion variants (a 60-letter name would yield 60 keys for little gain). */
const MAX_VARIANT_LENGTH = 40;
const TWO_EDIT_MIN_LENGTH = 10;

/**
 * Blocking keys of a branch or lead-source name:
 * - `d:` each one-deletion variant of the squashed letters (all one-letter typos, spacing differences)
 * - `w:` the sorted words (same words in another order)
 * - `e:` first three + last three letters, for names of 10+ letters (two-letter typos in the middle)
 * - `c:` the letters without qualifiers ("Denver Branch", "Denver, CO" and "Denver" share `c:denver`)
 * - `r:` each place the shipped lists tie the name to ("DEN" and "Denver" share `r:Denver, CO`)
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
  for (const reference of name.references) keys.add(`r:${reference}`);
  return [...keys];
}

/**
 * Rules for branch and lead-source names: no nicknames and no initials of people. Given the whole
 * input, spellings are first folded into groups (place-fold.ts: spelling rules, the shipped lists,
 * and for branches the data evidence when given); a group shares one key, so the engine merges it
 * automatically, and compares groups for review.
 */
export function placeMatcher(
  kind: PlaceKind,
  abbreviations: Readonly<Record<string, string>> = {},
  fold?: { input: readonly NameInput[] } & Omit<PlaceFoldOptions, 'abbreviations'>,
): Matcher<PlaceName> {
  const folding: PlaceFolding | null = fold ? foldPlaces(fold.input, kind, { ...fold, abbreviations }) : null;
  return {
    normalize: (raw) => {
      const name = normalizePlaceName(raw, kind, abbreviations);
      if (name === null || folding === null) return name;
      return {
        ...name,
        key: folding.keyOf.get(raw) ?? name.key,
        // The group's display spelling, so that the engine shows "Denver" for a group holding "DEN".
        display: folding.displayOf.get(raw) ?? name.display,
        references: folding.referencesOf.get(raw) ?? [],
        notes: { ...name.notes, folds: folding.notesOf.get(raw) ?? [] },
      };
    },
    role: () => 'link',
    blockingKeys: placeBlockingKeys,
    compare: comparePlaces,
    attach: () => [],
    sameKeyEvidence: (spelling, reference, display) =>
      rawSpellingEvidence(spelling.raw, placeNotes(spelling), display, reference ? placeNotes(reference) : []),
    sameKeyWarning: () => null,
    canonicalRank: (name) => folding?.rankOf.get(name.raw) ?? 0,
  };
}

function placeNotes(name: PlaceName): string[] {
  const notes: string[] = [];
  if (name.notes.ampersand) notes.push('"&" written as "and"');
  notes.push(...name.notes.expansions);
  if (name.notes.webAddress) notes.push('web address reduced to its name');
  for (const word of name.notes.droppedWords) notes.push(`legal form ${word} dropped`);
  notes.push(...name.notes.folds);
  return notes;
}
