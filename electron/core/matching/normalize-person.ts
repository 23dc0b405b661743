import { collapseSpaces, foldText, titleCaseWord } from './text.ts';

/**
 * What a spelling looks like once normalized:
 * - `full`: first and last name ("John Smith")
 * - `first-initial` / `last-initial`: "J. Smith" / "John S."
 * - `initials`: "J. S."; only ever merged with the identical spelling
 * - `single`: one word ("Grace")
 */
export type PersonShape = 'full' | 'first-initial' | 'last-initial' | 'initials' | 'single';

/**
 * A sales-person name after normalization, with the raw spelling kept alongside.
 *
 * @example normalizePersonName('SMITH, John A. Jr. (Denver)')
 * // { raw: 'SMITH, John A. Jr. (Denver)', tokens: ['john', 'a', 'smith'], first: 'john', middle: ['a'],
 * //   last: 'smith', suffix: 'jr', shape: 'full', key: 'john a smith jr', display: 'John A. Smith Jr.',
 * //   notes: { reversedComma: true, annotation: 'Denver', droppedTitles: [] } }
 */
export interface PersonName {
  raw: string;
  /** Lower-case, accent-free tokens in "first middle… last" order; the suffix is kept apart. */
  tokens: readonly string[];
  first: string;
  middle: readonly string[];
  /** Empty for a single-word name. */
  last: string;
  /** Generational suffix ('jr', 'sr', 'ii', 'iii', 'iv', '2nd', '3rd') or ''. */
  suffix: string;
  shape: PersonShape;
  /** Spellings with the same key are the same name: safe to merge automatically. */
  key: string;
  /** "First Middle Last Suffix" in title case, built from the raw words. */
  display: string;
  notes: PersonNotes;
}

export interface PersonNotes {
  /** Written "Last, First". */
  reversedComma: boolean;
  /** Text in brackets or after a spaced dash, usually a branch: "Denver" in "Mike Jones (Denver)". */
  annotation: string | null;
  /** Courtesy titles and post-nominals removed ("Dr.", "PhD"). */
  droppedTitles: readonly string[];
}

const SUFFIX_DISPLAY: ReadonlyMap<string, string> = new Map([
  ['jr', 'Jr.'], ['sr', 'Sr.'], ['ii', 'II'], ['iii', 'III'], ['iv', 'IV'], ['2nd', '2nd'], ['3rd', '3rd'],
]);
/** "Jr." for 'jr'. */
export function suffixLabel(suffix: string): string {
  return SUFFIX_DISPLAY.get(suffix) ?? suffix;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'rev']);
const POST_NOMINALS = new Set(['phd', 'md', 'dds', 'dvm', 'cpa', 'esq', 'mba', 'rn', 'jd']);
/** Surname particles joined to the surname, so "Van der Berg" and "Vanderberg" normalize alike. */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'mc', 'st']);

interface Word {
  original: string;
  tokens: string[];
}

export function normalizePersonName(raw: string): PersonName | null {
  const annotations: string[] = [];
  let text = raw.normalize('NFKC').replace(/[([{]([^)\]}]*)[)\]}]?/g, (_match, inner: string) => {
    if (inner.trim() !== '') annotations.push(collapseSpaces(inner));
    return ' ';
  });
  // "Mike Jones - Denver": a dash with spaces around it separates an annotation; "Smith-Jones" and
  // "Smith–Jones" (pasted en dash) keep theirs.
  const dashParts = text.split(/\s+[-–—]+\s+/).map(collapseSpaces);
  const nameIndex = dashParts.findIndex((part) => /\p{L}/u.test(part));
  if (nameIndex < 0) return null;
  text = dashParts[nameIndex]!;
  dashParts.forEach((part, index) => {
    if (index !== nameIndex && /\p{L}/u.test(part)) annotations.push(part);
  });

  let suffix = '';
  const droppedTitles: string[] = [];
  const commaParts = text.split(',').map(collapseSpaces).filter((part) => /[\p{L}\p{N}]/u.test(part));
  const nameParts = commaParts.filter((part) => {
    const words = toWords(part);
    const isSuffixPart = words.length > 0 && words.every((w) => isSuffixOrPostNominal(w));
    if (isSuffixPart) for (const w of words) suffix = takeSuffix(w, suffix, droppedTitles);
    return !isSuffixPart;
  });
  const reversedComma = nameParts.length >= 2;
  if (nameParts.length > 2) annotations.push(...nameParts.slice(2));
  const ordered = reversedComma ? [nameParts[1]!, nameParts[0]!] : nameParts;

  let words = toWords(ordered.join(' '));
  if (words.length > 1 && isTitle(words[0]!)) droppedTitles.push(displayWord(words.shift()!));
  // Suffixes and post-nominals may sit anywhere after the first word, as long as two words remain.
  words = words.filter((word, index) => {
    if (index === 0 || !isSuffixOrPostNominal(word) || words.length - 1 < 2) return true;
    suffix = takeSuffix(word, suffix, droppedTitles);
    return false;
  });
  if (words.length === 0) return null;

  const tokens = joinParticles(words.flatMap((w) => w.tokens));
  const first = tokens[0]!;
  const last = tokens.length > 1 ? tokens[tokens.length - 1]! : '';
  const middle = tokens.slice(1, -1);
  const display = [...words.map(displayWord), ...(suffix ? [suffixLabel(suffix)] : [])].join(' ');
  return {
    raw,
    tokens,
    first,
    middle,
    last,
    suffix,
    shape: shapeOf(first, last),
    key: suffix ? `${tokens.join(' ')} ${suffix}` : tokens.join(' '),
    display,
    notes: { reversedComma, annotation: annotations.length > 0 ? annotations.join(', ') : null, droppedTitles },
  };
}

function toWords(text: string): Word[] {
  return text
    .split(/[\s.,;:/\\_"!?*#@|+=<>~^]+/)
    .map((piece) => piece.replace(/^[-'’`ʼ]+|[-'’`ʼ]+$/g, ''))
    .map((original) => {
      // A hyphenated word is one name ("Smith-Jones", "Mary-Jane"), so that a double-barrelled
      // surname stays one surname when the name is written "Smith-Jones Theodore".
      const token = foldText(original)
        .replace(/['’`ʼ]/g, '')
        .split(/[^\p{L}\p{N}]+/u)
        .join('');
      return { original, tokens: token === '' ? [] : [token] };
    })
    .filter((word) => word.tokens.length > 0);
}

function single(word: Word): string | null {
  return word.tokens.length === 1 ? word.tokens[0]! : null;
}

function isTitle(word: Word): boolean {
  return TITLES.has(single(word) ?? '');
}

function isSuffixOrPostNominal(word: Word): boolean {
  const token = single(word) ?? '';
  return SUFFIX_DISPLAY.has(token) || POST_NOMINALS.has(token);
}

function takeSuffix(word: Word, current: string, droppedTitles: string[]): string {
  const token = single(word) ?? '';
  if (SUFFIX_DISPLAY.has(token)) return token;
  droppedTitles.push(displayWord(word));
  return current;
}

function joinParticles(tokens: string[]): string[] {
  const lastIndex = tokens.length - 1;
  let start = lastIndex;
  while (start - 1 >= 1 && PARTICLES.has(tokens[start - 1]!)) start--;
  if (start === lastIndex) return tokens;
  return [...tokens.slice(0, start), tokens.slice(start).join('')];
}

function displayWord(word: Word): string {
  const text = titleCaseWord(word.original);
  return word.tokens.length === 1 && word.tokens[0]!.length === 1 && /\p{L}/u.test(text) ? `${text}.` : text;
}

function shapeOf(first: string, last: string): PersonShape {
  if (last === '') return 'single';
  const firstIsInitial = first.length === 1;
  const lastIsInitial = last.length === 1;
  if (firstIsInitial && lastIsInitial) return 'initials';
  if (firstIsInitial) return 'first-initial';
  if (lastIsInitial) return 'last-initial';
  return 'full';
}
