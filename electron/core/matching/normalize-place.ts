import { collapseSpaces, foldText, titleCaseWord } from './text.ts';

export type PlaceKind = 'branch' | 'lead-source';

/**
 * A branch or lead-source name after normalization.
 *
 * @example normalizePlaceName('Denver Tech Ctr. & Main St', 'branch')
 * // { tokens: ['denver', 'tech', 'center', 'and', 'main', 'street'], key: 'denver tech center and main street',
 * //   squashed: 'denvertechcenterandmainstreet', display: 'Denver Tech Ctr. & Main St', … }
 */
export interface PlaceName {
  raw: string;
  tokens: readonly string[];
  key: string;
  /** All letters and digits without spaces. */
  squashed: string;
  /**
   * The letters of the name without its qualifiers: generic words ("Denver Branch", "Yelp Ads") and,
   * for branches, a trailing US state ("Denver, CO"). Equal to `squashed` when there are none.
   */
  core: string;
  /** The tokens of `core`. */
  coreTokens: readonly string[];
  /** The qualifiers taken off for `core`, as written: ['Branch'], ['CO']. */
  qualifiers: readonly string[];
  /** Branches: a trailing US state ('co', from "CO" or "Colorado"), or null. Two different states never match. */
  state: string | null;
  /**
   * Branches: the parts of a name joined by "/", a spaced dash or "&" ("Dallas/Fort Worth" →
   * [['dallas'], ['fort', 'worth']]); empty when the name has one part.
   */
  parts: readonly (readonly string[])[];
  /**
   * The name written as one short all-capital word or as dotted letters ("DEN", "MMR", "B.B.B."), in
   * lower case; null otherwise. Such a word may be a code or an acronym.
   */
  acronym: string | null;
  /** First letters of the raw words ("My Moving Reviews" and "MyMovingReviews" → 'mmr'), with and without "of", "the", "and". */
  initials: readonly string[];
  /** Lead sources: the squashed name with the web suffix it was written with ("Moving.com" → 'movingcom'). */
  webSquashed: string | null;
  /**
   * Places the shipped lists tie this spelling to ('denver|co' for "Denver" and "DEN"); filled by the
   * folding stage (place-fold.ts), empty from here.
   */
  references: readonly string[];
  display: string;
  notes: PlaceNotes;
}

export interface PlaceNotes {
  /** "abbreviation St → Street" for each expansion made. */
  expansions: readonly string[];
  ampersand: boolean;
  /** "yelp.com" reduced to "yelp". */
  webAddress: boolean;
  /** Legal forms dropped ("Inc", "LLC"). */
  droppedWords: readonly string[];
  /**
   * Why this spelling shares its key with others beyond the rules above: "airport code DEN → Denver,
   * CO", "differs only by Branch". Filled by the folding stage (place-fold.ts), empty from here.
   */
  folds: readonly string[];
}

/**
 * Abbreviations in both kinds; "st" is handled apart (Saint first, Street elsewhere). The place words
 * (Spgs, Hts, Jct…) are the USPS standard suffix abbreviations (Publication 28, appendix C1).
 */
const COMMON_ABBREVIATIONS: Readonly<Record<string, string>> = {
  ave: 'avenue', av: 'avenue', rd: 'road', blvd: 'boulevard', ln: 'lane', hwy: 'highway', pkwy: 'parkway',
  ct: 'court', pl: 'place', sq: 'square', mt: 'mount', ft: 'fort', ctr: 'center', cntr: 'center',
  centre: 'center', n: 'north', s: 'south', e: 'east', w: 'west', ne: 'northeast', nw: 'northwest',
  se: 'southeast', sw: 'southwest', intl: 'international', natl: 'national',
  corp: 'corporation', bros: 'brothers', assoc: 'associates', dept: 'department', mgmt: 'management',
  svc: 'service', svcs: 'services', univ: 'university', hq: 'headquarters', apt: 'apartment', bldg: 'building',
  spgs: 'springs', spg: 'spring', hts: 'heights', jct: 'junction', vly: 'valley', vlg: 'village', crk: 'creek',
  lk: 'lake', lks: 'lakes', bch: 'beach', hbr: 'harbor', pt: 'point', prt: 'port', twp: 'township', cyn: 'canyon',
  mtn: 'mountain', fls: 'falls', hls: 'hills', grv: 'grove', rdg: 'ridge', xing: 'crossing',
};
const KIND_ABBREVIATIONS: Readonly<Record<PlaceKind, Readonly<Record<string, string>>>> = {
  // "CO" in a branch name is Colorado ("CO Springs"), never "company".
  branch: { dr: 'drive', dt: 'downtown', dwtn: 'downtown' },
  'lead-source': {
    co: 'company', corp: 'corporate', fb: 'facebook', ig: 'instagram', li: 'linkedin', ref: 'referral', refs: 'referrals',
    yp: 'yellowpages', bbb: 'better business bureau', tv: 'television', sm: 'social media', ppc: 'pay per click',
  },
};
const LEGAL_FORMS = new Set(['inc', 'llc', 'ltd', 'plc', 'gmbh', 'lp', 'llp']);
/**
 * Words that qualify a name without naming another place or source: "Denver Branch" is the Denver
 * branch, "Yelp Ads" the Yelp source. They stay in the key but not in `core`; place-fold.ts decides
 * when a name with them folds into the bare name.
 */
export const GENERIC_WORDS: Readonly<Record<PlaceKind, ReadonlySet<string>>> = {
  branch: new Set(['branch', 'office', 'location', 'metro', 'area', 'region']),
  'lead-source': new Set(['ad', 'ads', 'advert', 'advertising', 'lead', 'leads', 'campaign', 'marketing']),
};
/** US postal codes (50 states, DC, Puerto Rico) and state names, for a state written after a branch name. */
export const US_STATE_CODES: Readonly<Record<string, string>> = {
  al: 'alabama', ak: 'alaska', az: 'arizona', ar: 'arkansas', ca: 'california', co: 'colorado', ct: 'connecticut',
  de: 'delaware', dc: 'district of columbia', fl: 'florida', ga: 'georgia', hi: 'hawaii', id: 'idaho', il: 'illinois',
  in: 'indiana', ia: 'iowa', ks: 'kansas', ky: 'kentucky', la: 'louisiana', me: 'maine', md: 'maryland',
  ma: 'massachusetts', mi: 'michigan', mn: 'minnesota', ms: 'mississippi', mo: 'missouri', mt: 'montana',
  ne: 'nebraska', nv: 'nevada', nh: 'new hampshire', nj: 'new jersey', nm: 'new mexico', ny: 'new york',
  nc: 'north carolina', nd: 'north dakota', oh: 'ohio', ok: 'oklahoma', or: 'oregon', pa: 'pennsylvania',
  ri: 'rhode island', sc: 'south carolina', sd: 'south dakota', tn: 'tennessee', tx: 'texas', ut: 'utah',
  vt: 'vermont', va: 'virginia', wa: 'washington', wv: 'west virginia', wi: 'wisconsin', wy: 'wyoming', pr: 'puerto rico',
};
const STATE_BY_NAME = new Map(Object.entries(US_STATE_CODES).map(([code, name]) => [name, code]));
const WEB_ADDRESS = /\b(?:https?:\/\/)?(?:www\.)?([\p{L}\p{N}-]+)\.(com|net|org|io|co|biz|info|us|ca|co\.uk)\b(?:\/\S*)?/giu;
const ACRONYM_STOP_WORDS = new Set(['of', 'the', 'and', 'a']);
const DIRECTION_WORDS = new Set(['north', 'south', 'east', 'west', 'n', 's', 'e', 'w', 'new']);

export function normalizePlaceName(
  raw: string,
  kind: PlaceKind,
  extraAbbreviations: Readonly<Record<string, string>> = {},
): PlaceName | null {
  let webAddress = false;
  let webSquashed: string | null = null;
  let text = raw.normalize('NFKC');
  if (kind === 'lead-source') {
    text = text.replace(/\s+dot\s+(com|net|org)\b/giu, '.$1').replace(WEB_ADDRESS, (_match, domain: string, suffix: string) => {
      webAddress = true;
      webSquashed = foldText(domain + suffix).replace(/[^\p{L}\p{N}]/gu, '');
      return domain;
    });
  }
  // "E-mail", "H-Town": a single letter hyphenated to a word is one word.
  text = text.replace(/(^|[^\p{L}])(\p{L})-(?=\p{L}{2})/gu, '$1$2');
  const folded = foldText(text);
  const ampersand = /[&+]/.test(folded);
  const prepared = folded.replace(/['’`ʼ]/g, '');
  const rawWords = prepared.replace(/[&+]/g, ' and ').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const words = joinLetterRuns(rawWords);
  if (words.length === 0) return null;

  const abbreviations: Record<string, string> = { ...COMMON_ABBREVIATIONS, ...KIND_ABBREVIATIONS[kind] };
  for (const [short, long] of Object.entries(extraAbbreviations)) abbreviations[foldText(short)] = foldText(long);
  const expansionOf = (word: string): string | undefined => (Object.hasOwn(abbreviations, word) ? abbreviations[word] : undefined);
  const expansions: string[] = [];
  const droppedWords: string[] = [];
  const tokens: string[] = [];
  // "Denver, CO", "Austin TX", "Denver Colorado": a state after the place name, not an abbreviation (CO → company).
  const state = kind === 'branch' ? trailingState(words, extraAbbreviations) : null;
  const stateWords = state === null ? [] : words.splice(words.length - state.words);
  words.forEach((word, index) => {
    if (LEGAL_FORMS.has(word) && words.length > 1) {
      droppedWords.push(word);
      return;
    }
    const expanded = word === 'st' && !Object.hasOwn(extraAbbreviations, word) ? (index === 0 ? 'saint' : 'street') : expansionOf(word);
    if (expanded !== undefined && expanded !== word) {
      expansions.push(`abbreviation ${titleCaseWord(word)} → ${titleCaseWord(expanded)}`);
      tokens.push(...expanded.split(' '));
    } else {
      tokens.push(word);
    }
  });
  if (tokens.length === 0) return null;
  const generic = GENERIC_WORDS[kind];
  const nonGeneric = tokens.filter((token) => !generic.has(token));
  // A qualifier only comes off a real name: "Branch 12" keeps its word.
  const hasCore = nonGeneric.some((token) => /^\p{L}{3,}$/u.test(token));
  const coreTokens = hasCore ? nonGeneric : [...tokens];
  const qualifiers = hasCore ? tokens.filter((token) => generic.has(token)).map(titleCaseWord) : [];
  if (state !== null) {
    qualifiers.push(state.code.toUpperCase());
    tokens.push(state.code);
    if (stateWords.length > 1 || stateWords[0] !== state.code) expansions.push(`state ${stateWords.map(titleCaseWord).join(' ')} → ${state.code.toUpperCase()}`);
  }
  return {
    raw,
    tokens,
    key: tokens.join(' '),
    squashed: tokens.join(''),
    core: coreTokens.join(''),
    coreTokens,
    qualifiers,
    state: state?.code ?? null,
    parts: kind === 'branch' ? compoundParts(prepared, expansionOf, stateWords) : [],
    acronym: acronymOf(raw),
    initials: initialsOf(raw),
    webSquashed,
    references: [],
    display: placeDisplay(raw),
    notes: { expansions, ampersand, webAddress, droppedWords, folds: [] },
  };
}

/** Runs of two or more one-letter words are one word: "B.B.B." → bbb, "N/A" → na; a lone "N" stays. */
function joinLetterRuns(words: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 2) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const word of words) {
    if (/^\p{L}$/u.test(word)) run.push(word);
    else {
      flush();
      out.push(word);
    }
  }
  flush();
  return out;
}

/** A trailing state code or state name after at least one other word; the number of words it takes. */
function trailingState(words: readonly string[], extra: Readonly<Record<string, string>>): { code: string; words: number } | null {
  const last = words[words.length - 1]!;
  if (words.length >= 2 && Object.hasOwn(US_STATE_CODES, last) && !Object.hasOwn(extra, last)) return { code: last, words: 1 };
  for (const length of [3, 2, 1]) {
    // "West Virginia" alone is the state, not "West" in Virginia.
    if (words.slice(0, words.length - length).every((w) => DIRECTION_WORDS.has(w))) continue;
    const code = STATE_BY_NAME.get(words.slice(words.length - length).join(' '));
    if (code !== undefined) return { code, words: length };
  }
  return null;
}

/** "Dallas/Fort Worth", "Dallas - Fort Worth", "Minneapolis & St. Paul": the parts, each normalized lightly, the trailing state left out. */
function compoundParts(text: string, expansionOf: (word: string) => string | undefined, stateWords: readonly string[]): string[][] {
  const pieces = text.split(/\s*\/\s*|\s+[-–—]\s+|\s*[&+]\s*/u).map((piece) =>
    piece.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''),
  );
  const last = pieces[pieces.length - 1];
  if (last && stateWords.length > 0 && last.slice(-stateWords.length).join(' ') === stateWords.join(' ')) last.splice(last.length - stateWords.length);
  const parts = pieces
    .filter((p) => p.length > 0)
    .map((p) => p.flatMap((w, i) => (w === 'st' ? [i === 0 ? 'saint' : 'street'] : (expansionOf(w) ?? w).split(' '))));
  return parts.length >= 2 ? parts : [];
}

/** "DEN", "MMR", "B.B.B." → 'den', 'mmr', 'bbb'; null for ordinary words. */
function acronymOf(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  if (/^\p{Lu}{2,6}$/u.test(text)) return text.toLowerCase();
  if (/^(?:\p{L}\.\s?){2,6}$/u.test(text)) return text.replace(/[.\s]/g, '').toLowerCase();
  return null;
}

/** First letters of the words, camelCase words split ("MyMovingReviews" → m, m, r); with and without stop words. */
function initialsOf(raw: string): string[] {
  const words = raw
    .normalize('NFKC')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => foldText(w));
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]).join('');
  const content = words.filter((w) => !ACRONYM_STOP_WORDS.has(w));
  const short = content.length >= 2 ? content.map((w) => w[0]).join('') : all;
  return [...new Set([all, short])];
}

/** Keep a deliberately mixed-case spelling; title-case one typed in a single case, but a short capital word ("DEN", "TV", "BBB") is a code. */
function placeDisplay(raw: string): string {
  const text = collapseSpaces(raw.normalize('NFKC'));
  const mixed = text !== text.toLowerCase() && text !== text.toUpperCase();
  return mixed ? text : text.split(' ').map((word) => (/^\p{Lu}{2,3}$/u.test(word) ? word : titleCaseWord(word))).join(' ');
}
