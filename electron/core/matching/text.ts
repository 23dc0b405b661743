/** Letters that NFKD does not decompose into a base letter plus a combining mark. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/**
 * Lower-case and strip accents so that spellings typed on different keyboards compare equal.
 *
 * @example foldText('José Müller') // 'jose muller'
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/** Collapse runs of whitespace and trim. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Title-case a word that was typed all upper or all lower case; a word with mixed case ("McDonald",
 * "DeVries") is taken to be deliberate and kept.
 *
 * @example titleCaseWord("o'brien") // "O'Brien"; titleCaseWord('SMITH-JONES') // 'Smith-Jones'
 */
export function titleCaseWord(word: string): string {
  const hasUpper = word !== word.toLowerCase();
  const hasLower = word !== word.toUpperCase();
  if (hasUpper && hasLower) return word;
  return word.toLowerCase().replace(/(^|['’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Capitalize a normalized (lower-case, punctuation-free) token for evidence strings: "anne" → "Anne". */
export function label(token: string): string {
  return token.charAt(0).toUpperCase() + token.slice(1);
}

/**
 * Every string obtained by deleting at most one character (the string itself included). Two strings
 * within Damerau–Levenshtein distance 1 always share one of these, which makes them a complete
 * blocking key for one-letter typos ("symmetric delete").
 *
 * @example deletionVariants('ann') // ['ann', 'nn', 'an']
 */
export function deletionVariants(word: string): string[] {
  const variants = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) variants.add(word.slice(0, i) + word.slice(i + 1));
  return [...variants];
}

/**
 * Typo keys: a prefix and a suffix of about half the word. Two words within Damerau–Levenshtein
 * distance 1 always share one of them (the edit, even a transposition, cannot touch both the first
 * k and the last k letters when k ≤ (shorter length − 1) / 2); keys are emitted for the word's own
 * length and one less, since the shorter word of the pair decides k. Far fewer keys than
 * deletionVariants, at the price of larger blocks.
 *
 * @example typoKeys('smith') // ['<sm', '>th', '<s', '>h']
 */
export function typoKeys(word: string): string[] {
  const keys = new Set<string>();
  for (const length of [word.length, word.length - 1]) {
    const k = Math.max(1, Math.floor((length - 1) / 2));
    keys.add(`<${word.slice(0, k)}`);
    keys.add(`>${word.slice(word.length - k)}`);
  }
  return [...keys];
}
