import { nicknameRoots } from './nicknames.ts';
import type { NicknameMap } from './nicknames.ts';
import type { PersonName } from './normalize-person.ts';
import { soundex } from './soundex.ts';
import { typoKeys } from './text.ts';
import { PERSON_FACTOR } from './thresholds.ts';

/**
 * Blocking keys of a full person name. Two forms are compared only when they share a key; every
 * relation that can reach the link threshold on its own is covered by one key family:
 *
 * - `f:` surname + typo keys of the first name, and first name + typo keys of the surname
 *   (one-letter typos in either part, equal names whose middles differ, and reversed order:
 *   "Hall Isla" meets "Isla Hall" and "Rowe Caleb" meets "Caleb Rwoe")
 * - `n:` surname + each nickname root of the first name (Bob and Robert share the root "robert"), in
 *   both orders ("Brown Bill" meets "William Brown")
 * - `x:` surname + the first three letters of the first name (truncations: Christoph / Christopher)
 * - `p:` first name + Soundex of the surname (two-letter surname differences that sound alike)
 * - `s:` all letters without spaces (McDonald / Mc Donald, Mary Ann / Maryann)
 *
 * A pair that differs in both first and surname is never linked directly (PERSON_FACTOR.bothPartsDiffer),
 * so no key family is needed for it; such spellings can still join through a third spelling.
 *
 * @example personBlockingKeys(normalizePersonName('Jon Smith')!, undefined)
 * // ['s:jonsmith', 'f:smith|<j', 'f:smith|>n', 'f:jon|<sm', 'f:jon|>th', 'f:jon|<s', 'f:jon|>h', …]
 */
export function personBlockingKeys(name: PersonName, nicknames: NicknameMap | undefined): string[] {
  const { first, last } = name;
  const keys = new Set<string>([`s:${name.tokens.join('')}`]);
  // One family serves first-name typos (surname fixed), surname typos (first name fixed) and
  // reversed order, because it is emitted for both name orders.
  for (const key of typoKeys(first)) keys.add(`f:${last}|${key}`);
  for (const key of typoKeys(last)) keys.add(`f:${first}|${key}`);
  // Both orders, like `f:`: "Brown Bill" (written Last First) meets "William Brown".
  for (const root of nicknameRoots(nicknames, first)) keys.add(`n:${last}|${root}`);
  for (const root of nicknameRoots(nicknames, last)) keys.add(`n:${first}|${root}`);
  if (first.length >= PERSON_FACTOR.prefixMinLength) keys.add(`x:${last}|${first.slice(0, PERSON_FACTOR.prefixMinLength)}`);
  keys.add(`p:${first}|${soundex(last)}`);
  return [...keys];
}
